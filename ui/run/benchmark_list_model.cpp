#include "ui/run/benchmark_list_model.h"

#include "core/measure/prepare.h"
#include "core/model/short_names.h"

#include <QBrush>
#include <QFileInfo>
#include <QPalette>
#include <QProcess>
#include <algorithm>

namespace pyrometer::ui {
namespace {
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

BenchmarkListModel::BenchmarkListModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void BenchmarkListModel::addScript(const QString& path, const QString& interpreter)
{
    BenchmarkRequest request;
    request.script = path.toStdString();
    request.interpreter = interpreter.isEmpty() ? std::string("python3") : interpreter.toStdString();
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_requests.push_back(std::move(request));
    m_problems.emplace_back();
    endInsertRows();
}

void BenchmarkListModel::addCommand(const QStringList& argv)
{
    BenchmarkRequest request;
    for (const auto& word : argv)
        request.command.push_back(word.toStdString());
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_requests.push_back(std::move(request));
    m_problems.emplace_back();
    endInsertRows();
}

void BenchmarkListModel::removeRows(const QList<int>& rows)
{
    auto sorted = rows;
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    for (int row : sorted) {
        if (row < 0 || row >= rowCount())
            continue;
        beginRemoveRows({}, row, row);
        m_requests.erase(m_requests.begin() + row);
        m_problems.erase(m_problems.begin() + row);
        endRemoveRows();
    }
}

void BenchmarkListModel::clear()
{
    setRequests({});
}

void BenchmarkListModel::setRequests(std::vector<BenchmarkRequest> requests)
{
    beginResetModel();
    m_requests = std::move(requests);
    m_problems.assign(m_requests.size(), QString());
    endResetModel();
}

void BenchmarkListModel::setProblem(int row, const QString& message)
{
    if (row < 0 || row >= rowCount())
        return;
    m_problems[static_cast<std::size_t>(row)] = message;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void BenchmarkListModel::clearProblems()
{
    if (m_problems.empty())
        return;
    std::fill(m_problems.begin(), m_problems.end(), QString());
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int BenchmarkListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_requests.size());
}

int BenchmarkListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::vector<std::string> BenchmarkListModel::shownNames() const
{
    // The names the results will have (see prepare()), shortened as every view of results shortens them.
    std::vector<std::string> names;
    for (const auto& request : m_requests)
        names.push_back(benchmarkName(request));
    return shortNames(names);
}

QVariant BenchmarkListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& request = m_requests[static_cast<std::size_t>(index.row())];
    const auto& problem = m_problems[static_cast<std::size_t>(index.row())];
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
        return QString::fromStdString(shownNames()[static_cast<std::size_t>(index.row())]);
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
    case Problem:
        return problem;
    }
    return {};
}

bool BenchmarkListModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    auto& request = m_requests[static_cast<std::size_t>(index.row())];
    const QString text = value.toString().trimmed();
    switch (index.column()) {
    case Name:
        request.name = text.toStdString();
        break;
    case Target:
        if (request.script)
            request.script = text.toStdString();
        else
            request.command = split(text);
        break;
    case Interpreter:
        if (!request.script || text.isEmpty())
            return false;
        request.interpreter = text.toStdString();
        break;
    case Arguments:
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
        request.settings.environment = std::move(environment);
        break;
    }
    case WorkingDirectory:
        request.settings.workingDirectory = text.toStdString();
        break;
    default:
        return false;
    }
    m_problems[static_cast<std::size_t>(index.row())].clear();
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    return true;
}

Qt::ItemFlags BenchmarkListModel::flags(const QModelIndex& index) const
{
    auto flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() != Problem
        && !(index.column() == Interpreter && !m_requests[static_cast<std::size_t>(index.row())].script))
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant BenchmarkListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
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
    case Problem:
        return tr("Problem");
    }
    return {};
}

} // namespace pyrometer::ui
