#include "ui/run/benchmark_list_model.h"

#include "core/measure/prepare.h"
#include "core/model/short_names.h"

#include <QBrush>
#include <QFileInfo>
#include <QPalette>
#include <QProcess>
#include <algorithm>
#include <map>
#include <set>

namespace pyrometer::ui {
namespace {
/// The hook a column shows: setup, prepare, conclude or cleanup.
template <typename H> auto& hookOf(H& hooks, int column)
{
    return column == BenchmarkListModel::Setup   ? hooks.setup
        : column == BenchmarkListModel::Prepare  ? hooks.prepare
        : column == BenchmarkListModel::Conclude ? hooks.conclude
                                                 : hooks.cleanup;
}

QString joined(const std::vector<std::string>& words)
{
    QStringList quoted;
    for (const auto& word : words) {
        auto w = QString::fromStdString(word);
        quoted << (w.contains(QLatin1Char(' ')) || w.isEmpty() ? QLatin1Char('"') + w + QLatin1Char('"') : w);
    }
    return quoted.join(QLatin1Char(' '));
}

std::vector<std::string> split(const QString& text)
{
    std::vector<std::string> words;
    for (const auto& word : QProcess::splitCommand(text))
        words.push_back(word.toStdString());
    return words;
}
} // namespace

namespace {
constexpr int shift = 32;
quintptr idOf(std::size_t entry, std::optional<std::size_t> function = {})
{
    return (static_cast<quintptr>(entry + 1) << shift) | (function ? static_cast<quintptr>(*function + 1) : 0);
}

/// "n=100", "size=1, kind=list": a case as its parameters read, in the file's order where it is known.
QString caseText(const BenchmarkRequest& request, const std::vector<std::string>& order)
{
    QStringList parts;
    for (const auto& name : order) {
        if (const auto it = request.parameters.find(name); it != request.parameters.end())
            parts << QString::fromStdString(name + '=' + it->second);
    }
    for (const auto& [name, value] : request.parameters) {
        if (std::find(order.begin(), order.end(), name) == order.end())
            parts << QString::fromStdString(name + '=' + value);
    }
    return parts.join(QStringLiteral(", "));
}
} // namespace

BenchmarkListModel::BenchmarkListModel(QObject* parent)
    : QAbstractItemModel(parent)
{
}

void BenchmarkListModel::insertEntry(Entry entry)
{
    const int row = static_cast<int>(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.push_back(std::move(entry));
    endInsertRows();
}

void BenchmarkListModel::addScript(const QString& path, const QString& interpreter)
{
    Entry entry;
    entry.request.script = path.toStdString();
    entry.request.interpreter = interpreter.isEmpty() ? std::string("python3") : interpreter.toStdString();
    insertEntry(std::move(entry));
}

void BenchmarkListModel::addCommand(const QStringList& argv)
{
    Entry entry;
    for (const auto& word : argv)
        entry.request.command.push_back(word.toStdString());
    insertEntry(std::move(entry));
}

void BenchmarkListModel::addSuite(const BenchmarkRequest& base, const SuiteFile& file, const SuiteOptions& options)
{
    Entry entry;
    entry.request = base;
    entry.request.script = file.path;
    entry.request.arguments.clear();
    entry.suite = true;
    entry.options = options;
    for (const auto& function : file.functions) {
        Function f { function.function, function.paramNames, function.takesSize,
            functionRequests(base, file.path, function, options), {} };
        f.checked.assign(f.cases.size(), true);
        entry.functions.push_back(std::move(f));
    }
    insertEntry(std::move(entry));
}

void BenchmarkListModel::setSizes(const std::vector<std::int64_t>& sizes)
{
    const bool any = std::any_of(m_entries.begin(), m_entries.end(), [](const Entry& entry) {
        return std::any_of(
            entry.functions.begin(), entry.functions.end(), [](const Function& f) { return f.takesSize; });
    });
    if (!any)
        return;
    beginResetModel();
    for (auto& entry : m_entries) {
        if (!entry.suite)
            continue;
        entry.options.sizes = sizes;
        for (auto& function : entry.functions) {
            if (!function.takesSize)
                continue;
            // A size that stays keeps its check box; a new one follows the function (ticked if any size was).
            std::map<std::string, bool> was;
            for (std::size_t k = 0; k < function.cases.size(); ++k)
                was[function.cases[k].function->caseId] = function.checked[k];
            const bool anyTicked
                = std::find(function.checked.begin(), function.checked.end(), true) != function.checked.end();
            SuiteFunction sized { function.name, 0, {}, {}, {}, true };
            function.cases = functionRequests(entry.request, *entry.request.script, sized, entry.options);
            function.checked.clear();
            for (const auto& c : function.cases) {
                const auto it = was.find(c.function->caseId);
                function.checked.push_back(it == was.end() ? anyTicked : it->second);
            }
        }
    }
    endResetModel();
}

void BenchmarkListModel::removeRows(const QList<int>& rows)
{
    QModelIndexList indexes;
    for (const int row : rows)
        indexes << index(row, 0);
    remove(indexes);
}

void BenchmarkListModel::remove(const QModelIndexList& indexes)
{
    // What to remove, entry by entry; then from the back, so that the places ahead stay valid.
    std::set<std::size_t> entries;
    std::map<std::size_t, std::set<std::size_t>> functions;
    std::map<std::pair<std::size_t, std::size_t>, std::set<std::size_t>> cases;
    for (const auto& index : indexes) {
        if (!index.isValid() || index.model() != this)
            continue;
        const auto place = placeOf(index);
        if (!place.function)
            entries.insert(place.entry);
        else if (!place.caseIndex)
            functions[place.entry].insert(*place.function);
        else
            cases[{ place.entry, *place.function }].insert(*place.caseIndex);
    }
    beginResetModel();
    for (auto it = cases.rbegin(); it != cases.rend(); ++it) {
        auto& function = m_entries[it->first.first].functions[it->first.second];
        for (auto k = it->second.rbegin(); k != it->second.rend(); ++k) {
            function.cases.erase(function.cases.begin() + static_cast<std::ptrdiff_t>(*k));
            function.checked.erase(function.checked.begin() + static_cast<std::ptrdiff_t>(*k));
        }
        if (function.cases.empty())
            functions[it->first.first].insert(it->first.second);
    }
    for (auto it = functions.rbegin(); it != functions.rend(); ++it) {
        auto& entry = m_entries[it->first];
        for (auto f = it->second.rbegin(); f != it->second.rend(); ++f)
            entry.functions.erase(entry.functions.begin() + static_cast<std::ptrdiff_t>(*f));
        if (entry.functions.empty())
            entries.insert(it->first);
    }
    for (auto e = entries.rbegin(); e != entries.rend(); ++e)
        m_entries.erase(m_entries.begin() + static_cast<std::ptrdiff_t>(*e));
    endResetModel();
}

void BenchmarkListModel::clear()
{
    setRequests({});
}

std::vector<BenchmarkRequest> BenchmarkListModel::requests() const
{
    std::vector<BenchmarkRequest> requests;
    for (const auto& entry : m_entries) {
        if (!entry.suite) {
            requests.push_back(entry.request);
            continue;
        }
        for (const auto& function : entry.functions) {
            for (std::size_t k = 0; k < function.cases.size(); ++k) {
                if (function.checked[k])
                    requests.push_back(function.cases[k]);
            }
        }
    }
    return requests;
}

void BenchmarkListModel::setRequests(std::vector<BenchmarkRequest> requests)
{
    beginResetModel();
    m_entries.clear();
    for (auto& request : requests) {
        if (!request.function || !request.script) {
            m_entries.push_back({ std::move(request), false, {}, {}, {} });
            continue;
        }
        // Functions of the file before it, in a row, make one tree.
        if (m_entries.empty() || !m_entries.back().suite || m_entries.back().request.script != request.script) {
            Entry entry;
            entry.request = request;
            entry.request.function.reset();
            entry.request.parameters.clear();
            entry.request.name.clear();
            entry.suite = true;
            entry.options.minTimeNs = request.function->minTimeNs;
            entry.options.gcOff = request.function->gcOff;
            m_entries.push_back(std::move(entry));
        }
        auto& functions = m_entries.back().functions;
        if (functions.empty() || functions.back().name != request.function->function)
            functions.push_back({ request.function->function, {}, false, {}, {} });
        functions.back().cases.push_back(std::move(request));
        functions.back().checked.push_back(true);
    }
    endResetModel();
}

void BenchmarkListModel::setProblem(int benchmark, const QString& message)
{
    int at = 0;
    for (std::size_t e = 0; e < m_entries.size(); ++e) {
        auto& entry = m_entries[e];
        int runs = entry.suite ? 0 : 1;
        for (const auto& function : entry.functions)
            runs += static_cast<int>(std::count(function.checked.begin(), function.checked.end(), true));
        if (benchmark >= at && benchmark < at + runs) {
            entry.problem = message;
            const int row = static_cast<int>(e);
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return;
        }
        at += runs;
    }
}

void BenchmarkListModel::clearProblems()
{
    for (std::size_t e = 0; e < m_entries.size(); ++e) {
        if (m_entries[e].problem.isEmpty())
            continue;
        m_entries[e].problem.clear();
        const int row = static_cast<int>(e);
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

BenchmarkListModel::Place BenchmarkListModel::placeOf(const QModelIndex& index) const
{
    const auto id = index.internalId();
    if (id == 0)
        return { static_cast<std::size_t>(index.row()), {}, {} };
    const auto entry = static_cast<std::size_t>(id >> shift) - 1;
    const auto function = static_cast<std::size_t>(id & ((quintptr(1) << shift) - 1));
    if (function == 0)
        return { entry, static_cast<std::size_t>(index.row()), {} };
    return { entry, function - 1, static_cast<std::size_t>(index.row()) };
}

QModelIndex BenchmarkListModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || row >= rowCount(parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    const auto place = placeOf(parent);
    return createIndex(row, column, idOf(place.entry, place.function));
}

QModelIndex BenchmarkListModel::parent(const QModelIndex& index) const
{
    if (!index.isValid() || index.internalId() == 0)
        return {};
    const auto place = placeOf(index);
    if (!place.caseIndex)
        return createIndex(static_cast<int>(place.entry), 0, quintptr(0));
    return createIndex(static_cast<int>(*place.function), 0, idOf(place.entry));
}

int BenchmarkListModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_entries.size());
    if (parent.column() != 0)
        return 0;
    const auto place = placeOf(parent);
    if (place.caseIndex || place.entry >= m_entries.size())
        return 0;
    const auto& entry = m_entries[place.entry];
    if (!place.function)
        return static_cast<int>(entry.functions.size());
    const auto& function = entry.functions[*place.function];
    return function.single() ? 0 : static_cast<int>(function.cases.size());
}

int BenchmarkListModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

std::vector<std::string> BenchmarkListModel::shownNames() const
{
    // The names the results will have (see prepare()), shortened as every view of results shortens them; a
    // benchmark file by its path.
    std::vector<std::string> names;
    for (const auto& entry : m_entries)
        names.push_back(entry.suite ? *entry.request.script : benchmarkName(entry.request));
    return shortNames(names);
}

Qt::CheckState BenchmarkListModel::checkState(const Place& place) const
{
    const auto& entry = m_entries[place.entry];
    std::size_t on = 0, all = 0;
    const auto count = [&](const Function& function) {
        for (const bool checked : function.checked) {
            on += checked ? 1 : 0;
            ++all;
        }
    };
    if (place.caseIndex)
        return entry.functions[*place.function].checked[*place.caseIndex] ? Qt::Checked : Qt::Unchecked;
    if (place.function)
        count(entry.functions[*place.function]);
    else
        for (const auto& function : entry.functions)
            count(function);
    return on == 0 ? Qt::Unchecked : on == all ? Qt::Checked : Qt::PartiallyChecked;
}

void BenchmarkListModel::setChecked(const Place& place, bool checked)
{
    auto& entry = m_entries[place.entry];
    for (std::size_t f = 0; f < entry.functions.size(); ++f) {
        if (place.function && f != *place.function)
            continue;
        auto& function = entry.functions[f];
        for (std::size_t k = 0; k < function.checked.size(); ++k) {
            if (!place.caseIndex || k == *place.caseIndex)
                function.checked[k] = checked;
        }
    }
    // The row, what is under it and what is above it show new check marks.
    const auto entryIndex = index(static_cast<int>(place.entry), 0);
    Q_EMIT dataChanged(entryIndex, entryIndex.siblingAtColumn(ColumnCount - 1), { Qt::CheckStateRole });
    for (int f = 0; f < rowCount(entryIndex); ++f) {
        const auto functionIndex = index(f, 0, entryIndex);
        Q_EMIT dataChanged(functionIndex, functionIndex, { Qt::CheckStateRole });
        if (const int cases = rowCount(functionIndex))
            Q_EMIT dataChanged(index(0, 0, functionIndex), index(cases - 1, 0, functionIndex), { Qt::CheckStateRole });
    }
}

template <typename F> void BenchmarkListModel::forEachRequest(Entry& entry, F&& edit)
{
    edit(entry.request);
    for (auto& function : entry.functions) {
        for (auto& c : function.cases)
            edit(c);
    }
}

QVariant BenchmarkListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto place = placeOf(index);
    const auto& entry = m_entries[place.entry];
    if (role == Qt::CheckStateRole)
        return entry.suite && index.column() == Name ? QVariant(checkState(place)) : QVariant();
    if (place.function) {
        // A function or a case of a benchmark file: its name, and its full name as the tooltip.
        if (index.column() != Name || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
            return {};
        const auto& function = entry.functions[*place.function];
        if (role == Qt::ToolTipRole)
            return QString::fromStdString(
                place.caseIndex ? function.cases[*place.caseIndex].name : function.cases.front().name);
        if (!place.caseIndex)
            return function.single() || function.cases.empty() ? QString::fromStdString(function.name)
                : function.cases.size() == 1
                ? tr("%1 (1 case)").arg(QString::fromStdString(function.name))
                : tr("%1 (%2 cases)").arg(QString::fromStdString(function.name)).arg(function.cases.size());
        return caseText(function.cases[*place.caseIndex], function.paramNames);
    }
    const auto& request = entry.request;
    const auto& problem = entry.problem;
    if (role == Qt::ForegroundRole && index.column() == Problem)
        return QBrush(Qt::red);
    // A problem shows on the whole row, where the eye is, not only in the last column.
    if (role == Qt::BackgroundRole && !problem.isEmpty())
        return QBrush(QColor(255, 0, 0, 48));
    if (role == Qt::ToolTipRole)
        return problem.isEmpty() ? data(index, Qt::DisplayRole) : QVariant(problem);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case Name:
        if (role == Qt::EditRole)
            return QString::fromStdString(request.name);
        return QString::fromStdString(shownNames()[place.entry]);
    case Target:
        return request.script ? QString::fromStdString(*request.script) : joined(request.command);
    case Interpreter:
        return request.script ? QString::fromStdString(request.interpreter) : tr("(command)");
    case Arguments:
        return joined(request.arguments);
    case Environment: {
        QStringList pairs;
        for (const auto& [name, value] : request.settings.environment)
            pairs << QString::fromStdString(name + '=' + value);
        return pairs.join(QLatin1Char(' '));
    }
    case WorkingDirectory:
        return QString::fromStdString(request.settings.workingDirectory);
    case Setup:
    case Prepare:
    case Conclude:
    case Cleanup:
        return QString::fromStdString(hookOf(request.settings.hooks, index.column()));
    case Problem:
        return problem;
    }
    return {};
}

bool BenchmarkListModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const auto place = placeOf(index);
    auto& entry = m_entries[place.entry];
    if (role == Qt::CheckStateRole) {
        if (!entry.suite || index.column() != Name)
            return false;
        setChecked(place, value.value<Qt::CheckState>() != Qt::Unchecked);
        return true;
    }
    if (role != Qt::EditRole || place.function)
        return false;
    auto& request = entry.request;
    const QString text = value.toString().trimmed();
    switch (index.column()) {
    case Name:
        if (entry.suite)
            return false;
        request.name = text.toStdString();
        break;
    case Target:
        if (entry.suite)
            return false;
        if (request.script)
            request.script = text.toStdString();
        else
            request.command = split(text);
        break;
    case Interpreter:
        if (!request.script || text.isEmpty())
            return false;
        forEachRequest(entry, [&](BenchmarkRequest& r) { r.interpreter = text.toStdString(); });
        break;
    case Arguments:
        if (entry.suite)
            return false;
        request.arguments = split(text);
        break;
    case Environment: {
        std::map<std::string, std::string> environment;
        for (const auto& pair : split(text)) {
            const auto equals = pair.find('=');
            if (equals == std::string::npos || equals == 0)
                return false;
            environment[pair.substr(0, equals)] = pair.substr(equals + 1);
        }
        forEachRequest(entry, [&](BenchmarkRequest& r) { r.settings.environment = environment; });
        break;
    }
    case WorkingDirectory:
        forEachRequest(entry, [&](BenchmarkRequest& r) { r.settings.workingDirectory = text.toStdString(); });
        break;
    case Setup:
    case Prepare:
    case Conclude:
    case Cleanup:
        forEachRequest(
            entry, [&](BenchmarkRequest& r) { hookOf(r.settings.hooks, index.column()) = text.toStdString(); });
        break;
    default:
        return false;
    }
    entry.problem.clear();
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    return true;
}

Qt::ItemFlags BenchmarkListModel::flags(const QModelIndex& index) const
{
    auto flags = QAbstractItemModel::flags(index);
    if (!index.isValid())
        return flags;
    const auto place = placeOf(index);
    const auto& entry = m_entries[place.entry];
    if (entry.suite && index.column() == Name)
        flags |= Qt::ItemIsUserCheckable;
    if (place.function || index.column() == Problem)
        return flags;
    const bool editable = entry.suite
        ? (index.column() == Interpreter || index.column() == Environment || index.column() == WorkingDirectory
            || (index.column() >= Setup && index.column() <= Cleanup))
        : !(index.column() == Interpreter && !entry.request.script);
    if (editable)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant BenchmarkListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Target:
        return tr("Script or command");
    case Interpreter:
        return tr("Interpreter");
    case Arguments:
        return tr("Arguments");
    case Environment:
        return tr("Environment");
    case WorkingDirectory:
        return tr("Working directory");
    case Setup:
        return tr("Setup");
    case Prepare:
        return tr("Before each run");
    case Conclude:
        return tr("After each run");
    case Cleanup:
        return tr("Cleanup");
    case Problem:
        return tr("Problem");
    }
    return {};
}

} // namespace pyrometer::ui
