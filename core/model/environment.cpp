#include "core/model/environment.h"

namespace pyrometer {

const char* ratingKey(Rating rating)
{
    switch (rating) {
    case Rating::Good:
        return "good";
    case Rating::Notice:
        return "notice";
    case Rating::Bad:
        return "bad";
    }
    return "good";
}

Rating worse(Rating a, Rating b)
{
    return static_cast<int>(a) >= static_cast<int>(b) ? a : b;
}

Rating Environment::machineRating() const
{
    Rating rating = Rating::Good;
    for (const auto& check : machine)
        rating = worse(rating, check.rating);
    return rating;
}

} // namespace pyrometer
