// The allocation workload of examples/alloc, in C++: 10 rounds that each build 100,000 small records and drop
// them, keeping every tenth alive to the end (100,000 records kept of 1,000,000 built).
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace {
constexpr std::int64_t rounds = 10;
constexpr std::int64_t perRound = 100'000;

struct Record
{
    std::int64_t id;
    double value;
    std::string tag;
};
} // namespace

int main()
{
    std::vector<std::unique_ptr<Record>> kept;
    for (std::int64_t r = 0; r < rounds; ++r) {
        std::vector<std::unique_ptr<Record>> batch;
        for (std::int64_t i = r * perRound; i < (r + 1) * perRound; ++i)
            batch.push_back(
                std::make_unique<Record>(Record { i, static_cast<double>(i) * 0.5, "r" + std::to_string(i) }));
        for (std::size_t i = 0; i < batch.size(); i += 10)
            kept.push_back(std::move(batch[i]));
    }
    std::int64_t sum = 0;
    for (const auto& record : kept)
        sum += record->id;
    std::cout << kept.size() << " " << sum << "\n";
}
