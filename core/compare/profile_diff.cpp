#include "core/compare/profile_diff.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace pyrometer {
namespace {
/// Pairs the unmatched entries of both sides that share `key`, when it is unique on each side.
template <typename KeyOf>
void matchBy(const Profile& a, const Profile& b, std::vector<std::optional<std::size_t>>& aToB,
    std::vector<bool>& bTaken, const SameFile& sameFile, KeyOf keyOf)
{
    using Key = decltype(keyOf(a.functions.front()));
    std::map<Key, std::vector<std::size_t>> left, right;
    for (std::size_t i = 0; i < a.functions.size(); ++i) {
        if (aToB[i])
            continue;
        auto f = a.functions[i];
        if (!sameFile.baseline.empty() && f.file == sameFile.baseline)
            f.file = sameFile.candidate;
        left[keyOf(f)].push_back(i);
    }
    for (std::size_t j = 0; j < b.functions.size(); ++j) {
        if (!bTaken[j])
            right[keyOf(b.functions[j])].push_back(j);
    }
    for (const auto& [key, is] : left) {
        const auto other = right.find(key);
        if (other == right.end() || is.size() != 1 || other->second.size() != 1)
            continue;
        aToB[is.front()] = other->second.front();
        bTaken[other->second.front()] = true;
    }
}
} // namespace

const FunctionDiff* ProfileDiff::forCandidate(std::size_t index) const
{
    return index < byCandidate.size() && byCandidate[index] != std::string::npos ? &functions[byCandidate[index]]
                                                                                 : nullptr;
}

ProfileDiff diffProfiles(const Profile& baseline, const Profile& candidate, const SameFile& sameFile)
{
    std::vector<std::optional<std::size_t>> toCandidate(baseline.functions.size());
    std::vector<bool> taken(candidate.functions.size());
    if (!baseline.functions.empty() && !candidate.functions.empty()) {
        matchBy(baseline, candidate, toCandidate, taken, sameFile,
            [](const ProfileFunction& f) { return std::tuple(f.file, f.line, f.name); });
        matchBy(baseline, candidate, toCandidate, taken, sameFile,
            [](const ProfileFunction& f) { return std::pair(f.file, f.name); });
        matchBy(baseline, candidate, toCandidate, taken, sameFile, [](const ProfileFunction& f) { return f.name; });
    }
    ProfileDiff diff;
    const auto fill = [](FunctionDiff& d, const ProfileFunction& f, bool isCandidate) {
        d.name = f.name;
        d.file = f.file;
        d.line = f.line;
        (isCandidate ? d.candidateOwn : d.baselineOwn) = f.totalSeconds;
        (isCandidate ? d.candidateCumulative : d.baselineCumulative) = f.cumulativeSeconds;
        (isCandidate ? d.candidateCalls : d.baselineCalls) = f.calls;
    };
    for (std::size_t i = 0; i < baseline.functions.size(); ++i) {
        FunctionDiff d;
        d.baseline = i;
        fill(d, baseline.functions[i], false);
        if (toCandidate[i]) {
            d.candidate = toCandidate[i];
            fill(d, candidate.functions[*toCandidate[i]], true);
        }
        diff.baselineSeconds += d.baselineOwn;
        diff.candidateSeconds += d.candidateOwn;
        diff.functions.push_back(std::move(d));
    }
    for (std::size_t j = 0; j < candidate.functions.size(); ++j) {
        if (taken[j])
            continue;
        FunctionDiff d;
        d.candidate = j;
        fill(d, candidate.functions[j], true);
        diff.candidateSeconds += d.candidateOwn;
        diff.functions.push_back(std::move(d));
    }
    std::stable_sort(diff.functions.begin(), diff.functions.end(),
        [](const FunctionDiff& x, const FunctionDiff& y) { return x.ownChange() > y.ownChange(); });
    diff.byCandidate.assign(candidate.functions.size(), std::string::npos);
    for (std::size_t k = 0; k < diff.functions.size(); ++k) {
        if (diff.functions[k].candidate)
            diff.byCandidate[*diff.functions[k].candidate] = k;
    }
    return diff;
}

std::vector<AllocationDiff> diffAllocations(
    const AllocationReport& baseline, const AllocationReport& candidate, const SameFile& sameFile)
{
    std::vector<AllocationDiff> diffs;
    std::vector<bool> taken(candidate.top.size());
    const auto find = [&](const AllocationSite& site, bool lineToo) -> std::optional<std::size_t> {
        const auto& file
            = !sameFile.baseline.empty() && site.file == sameFile.baseline ? sameFile.candidate : site.file;
        std::optional<std::size_t> found;
        for (std::size_t j = 0; j < candidate.top.size(); ++j) {
            if (taken[j] || candidate.top[j].file != file || (lineToo && candidate.top[j].line != site.line))
                continue;
            if (found)
                return std::nullopt; // not unique
            found = j;
        }
        return found;
    };
    std::vector<std::optional<std::size_t>> match(baseline.top.size());
    for (bool lineToo : { true, false }) {
        for (std::size_t i = 0; i < baseline.top.size(); ++i) {
            if (match[i])
                continue;
            if (const auto j = find(baseline.top[i], lineToo)) {
                match[i] = j;
                taken[*j] = true;
            }
        }
    }
    for (std::size_t i = 0; i < baseline.top.size(); ++i) {
        const auto& a = baseline.top[i];
        AllocationDiff d { a.file, a.line, a.sizeBytes, 0, a.count, 0 };
        if (match[i]) {
            const auto& b = candidate.top[*match[i]];
            d.file = b.file; // the candidate's place, as for functions
            d.line = b.line;
            d.candidateBytes = b.sizeBytes;
            d.candidateBlocks = b.count;
        }
        diffs.push_back(d);
    }
    for (std::size_t j = 0; j < candidate.top.size(); ++j) {
        if (!taken[j])
            diffs.push_back({ candidate.top[j].file, candidate.top[j].line, 0, candidate.top[j].sizeBytes, 0,
                candidate.top[j].count });
    }
    std::stable_sort(diffs.begin(), diffs.end(),
        [](const AllocationDiff& x, const AllocationDiff& y) { return x.change() > y.change(); });
    return diffs;
}

} // namespace pyrometer
