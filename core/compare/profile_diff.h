#pragma once

#include "core/model/probe_data.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pyrometer {

/// One function in two profiles: what it cost on each side. A function found on one side only has zeros on the
/// other.
struct FunctionDiff
{
    std::string name;
    std::string file; ///< the candidate's place when both have it ("~" for built-ins)
    int line = 0;
    std::optional<std::size_t> baseline; ///< index into the baseline profile's functions
    std::optional<std::size_t> candidate; ///< index into the candidate profile's functions
    double baselineOwn = 0; ///< seconds in the function itself
    double candidateOwn = 0;
    double baselineCumulative = 0; ///< seconds with what it called
    double candidateCumulative = 0;
    std::int64_t baselineCalls = 0;
    std::int64_t candidateCalls = 0;

    double ownChange() const { return candidateOwn - baselineOwn; } ///< seconds; > 0: slower
};

/// Two profiles side by side, function by function, the largest increase of own time first: "what got slower"
/// answered by function. Functions are matched by file, line and name; then, for the rest, by file and name
/// (lines move when code is edited); then by name alone when it is unique on both sides (old.py against new.py).
struct ProfileDiff
{
    std::vector<FunctionDiff> functions;
    double baselineSeconds = 0; ///< own time of all functions
    double candidateSeconds = 0;
    /// The entry of candidate function `index`, if any.
    const FunctionDiff* forCandidate(std::size_t index) const;

    std::vector<std::size_t> byCandidate; ///< position in `functions` of each candidate function (npos: none)
};
///
/// `sameFile` names a file of the baseline that is the candidate's file of that name (the two scripts compared:
/// old.py's functions are matched with new.py's as if they were one file).
struct SameFile
{
    std::string baseline;
    std::string candidate;
};
ProfileDiff diffProfiles(const Profile& baseline, const Profile& candidate, const SameFile& sameFile = {});

/// One allocation site in two tracemalloc reports: live bytes at the end of the script on each side.
struct AllocationDiff
{
    std::string file;
    int line = 0;
    std::int64_t baselineBytes = 0;
    std::int64_t candidateBytes = 0;
    std::int64_t baselineBlocks = 0;
    std::int64_t candidateBlocks = 0;
    std::int64_t change() const { return candidateBytes - baselineBytes; }
};
/// Sites of both reports matched by file and line, then by line-less file for the rest, the largest increase
/// first.
std::vector<AllocationDiff> diffAllocations(
    const AllocationReport& baseline, const AllocationReport& candidate, const SameFile& sameFile = {});

} // namespace pyrometer
