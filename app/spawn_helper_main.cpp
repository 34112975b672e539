// pyrometer-spawn-helper: starts Pyrometer's runs (see core/measure/spawn_helper.h). Linked statically and kept small,
// so that its own size never shows in a run's peak RSS.
#include "core/measure/spawn_helper.h"

#include <cstdlib>

int main(int argc, char** argv)
{
    pyrometer::spawn_helper::serve(argc > 1 ? std::atoi(argv[1]) : 3);
}
