#include "ui/run/suite_discovery.h"

#include "core/measure/executable_lookup.h"
#include "core/measure/process_launcher.h"
#include "core/model/error.h"

#include <QPointer>

namespace pyrometer::ui {

SuiteDiscovery::SuiteDiscovery(QObject* parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1); // in the order asked, one import at a time
}

SuiteDiscovery::~SuiteDiscovery()
{
    m_pool.waitForDone();
}

void SuiteDiscovery::discover(const QString& path, const QString& interpreter)
{
    ++m_pending;
    const auto file = path.toStdString();
    const auto python = interpreter.toStdString();
    const auto limit = timeout;
    m_pool.start([this, path, file, python, limit] {
        std::vector<SuiteFile> files;
        QString error;
        try {
            ProcessLauncher launcher;
            // "python3" as the runs will find it on PATH.
            files = discoverSuites(launcher, findExecutable(python).value_or(python), file, limit);
        } catch (const InputError& e) {
            error = QString::fromStdString(e.what());
        } catch (const std::exception& e) {
            error = QString::fromStdString(file + ": " + e.what());
        }
        // This object outlives the task (its destructor waits for the pool): the answer is delivered, or dropped
        // with the object's pending events.
        QMetaObject::invokeMethod(
            this,
            [this, path, files = std::move(files), error] {
                --m_pending;
                if (error.isEmpty())
                    Q_EMIT found(path, files);
                else
                    Q_EMIT failed(path, error);
            },
            Qt::QueuedConnection);
    });
}

} // namespace pyrometer::ui
