#include "gui_main.h"

#include "cli/commands.h"
#include "cli/help_texts.h"
#include "core/formats/results_file.h"
#include "core/formats/workbench_json.h"
#include "core/model/error.h"
#include "core/model/version.h"
#include "ui/charts/histogram_panel.h"
#include "ui/charts/time_series_panel.h"
#include "ui/compare/compare_model.h"
#include "ui/compare/compare_view.h"
#include "ui/history/history_panel.h"
#include "ui/profile/memory_panel.h"
#include "ui/window/main_window.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTranslator>
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <optional>

namespace pyrometer::app {
namespace {
void setupApplication(QApplication& app)
{
    QApplication::setOrganizationName(QStringLiteral("Pyrometer"));
    QApplication::setApplicationName(QStringLiteral("Pyrometer"));
    QApplication::setApplicationVersion(QString::fromLatin1(PYROMETER_VERSION));
    // The desktop entry (packaging/) this window belongs to: Wayland matches the two by this name.
    QApplication::setDesktopFileName(QStringLiteral("org.pyrometer.Pyrometer"));
    QApplication::setWindowIcon(ui::MainWindow::applicationIcon());
    // The system locale picks the translation; LANGUAGE=de switches it, as for other desktop programs.
    auto* translator = new QTranslator(&app);
    if (translator->load(QLocale(), QStringLiteral("pyrometer"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(translator);
    auto* qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qtTranslator);
}

QString resultsDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("runs"));
}
} // namespace

int windowMain(int argc, char** argv, const std::vector<std::string>& scripts)
{
    QApplication app(argc, argv);
    setupApplication(app);
    ui::MainWindow window(resultsDirectory());
    window.show();
    QStringList paths;
    for (const auto& script : scripts)
        paths << QString::fromStdString(script);
    window.addScripts(paths);
    if (!paths.isEmpty())
        window.startRun();
    return QApplication::exec();
}

int openMain(int argc, char** argv, const std::vector<std::string>& words)
{
    std::string file, second, screenshot, baseline;
    int width = 1400, height = 900;
    int tab = -1; // none given: the Compare tab when there is a baseline, else Runs
    bool memoryInFront = false;
    // In the window's order.
    const std::vector<std::string> tabs { "charts", "scaling", "hotspots", "compare", "history" };
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i] == "--help" || words[i] == "-h") {
            std::cout << cli::openHelp();
            return cli::ExitOk;
        }
        if (words[i] == "--screenshot" && i + 1 < words.size()) {
            screenshot = words[++i];
        } else if (words[i] == "--size" && i + 1 < words.size()) {
            if (std::sscanf(words[++i].c_str(), "%dx%d", &width, &height) != 2 || width < 200 || height < 150) {
                std::cerr << "pyrometer open: --size takes WIDTHxHEIGHT, as in 1400x900\n";
                return cli::ExitUsage;
            }
        } else if (words[i] == "--baseline" && i + 1 < words.size()) {
            baseline = words[++i];
        } else if (words[i] == "--tab" && i + 1 < words.size()) {
            auto name = words[++i] == "runs" ? std::string("charts") : words[i]; // runs: charts' old name
            memoryInFront = name == "memory"; // the charts, with the Memory table below them
            if (memoryInFront)
                name = "charts";
            const auto found = std::find(tabs.begin(), tabs.end(), name);
            if (found == tabs.end()) {
                std::cerr << "pyrometer open: --tab takes charts, memory, scaling, hotspots, compare or history, not "
                          << words[i] << "\n";
                return cli::ExitUsage;
            }
            tab = static_cast<int>(found - tabs.begin());
        } else if (file.empty() && !words[i].starts_with("-")) {
            file = words[i];
        } else if (second.empty() && !words[i].starts_with("-")) {
            second = words[i];
        } else {
            std::cerr << "pyrometer open: unexpected argument " << words[i]
                      << " (usage: pyrometer open FILE.json [FILE.json | --baseline FILE.json] [--tab "
                         "charts|memory|scaling|hotspots|compare|history] "
                         "[--screenshot OUT.png] [--size WxH])\n";
            return cli::ExitUsage;
        }
    }
    if (file.empty()) {
        std::cerr << "pyrometer open: which results file? (usage: pyrometer open FILE.json [--screenshot OUT.png])\n";
        return cli::ExitUsage;
    }
    if (!screenshot.empty() && !cli::haveDisplay())
        qputenv("QT_QPA_PLATFORM", "offscreen");
    else if (!cli::haveDisplay()) {
        std::cerr << "pyrometer open: no display; use --screenshot to render to a file\n";
        return cli::ExitUsage;
    }

    // Read before any window exists: a file that cannot be shown gets one line and exit 2, never a dialog.
    std::shared_ptr<const Results> results, baselineResults;
    std::optional<RunPlan> workbench; // a workbench file opens as benchmarks ready to run
    try {
        if (!second.empty() && !baseline.empty())
            throw InputError("two files to compare and --baseline besides: which is the baseline?");
        if (isWorkbenchFile(file)) {
            if (!second.empty() || !baseline.empty())
                throw InputError(file + " is a workbench, not results to compare");
            workbench = readWorkbenchFile(file);
        }
    } catch (const InputError& e) {
        std::cerr << "pyrometer open: " << e.what() << "\n";
        return cli::ExitUsage;
    }
    try {
        auto opened = workbench ? Results {} : readResultsFile(file);
        if (!second.empty()) {
            // Of two files, the one measured earlier is the baseline (ISO 8601 dates order as text); the first given
            // when the dates are equal or missing.
            auto other = readResultsFile(second);
            if (other.environment.date < opened.environment.date) {
                baseline = second;
                baselineResults = ui::shareResults(std::move(other));
            } else {
                baseline = file;
                file = second;
                baselineResults = ui::shareResults(std::move(opened));
                opened = std::move(other);
            }
        } else if (!baseline.empty()) {
            baselineResults = ui::shareResults(readResultsFile(baseline));
        }
        if (!workbench)
            results = ui::shareResults(std::move(opened));
    } catch (const InputError& e) {
        std::cerr << "pyrometer open: " << e.what() << "\n";
        return cli::ExitUsage;
    }

    QApplication app(argc, argv);
    setupApplication(app);
    // A screenshot must not depend on, nor change, the user's saved layout.
    if (!screenshot.empty())
        QSettings::setDefaultFormat(QSettings::IniFormat), QStandardPaths::setTestModeEnabled(true);
    ui::MainWindow window(screenshot.empty() ? resultsDirectory() : QString());
    bool trendsShown = false; // the History tab reads its store on a worker thread
    QObject::connect(window.history(), &ui::HistoryPanel::trendsShown, [&] { trendsShown = true; });
    window.resize(width, height);
    window.show();
    if (workbench)
        window.showWorkbench(*workbench, QFile::decodeName(file.c_str()));
    else
        window.showOpenedResults(results, QFile::decodeName(file.c_str()));
    if (baselineResults)
        window.compareView()->setBaseline(baselineResults, QFileInfo(QFile::decodeName(baseline.c_str())).fileName());
    window.tabs()->setCurrentIndex(tab >= 0 ? tab : baselineResults ? window.tabs()->indexOf(window.compareView()) : 0);
    if (memoryInFront)
        window.findChild<QDockWidget*>(QStringLiteral("memoryDock"))->raise();
    if (screenshot.empty())
        return QApplication::exec();
    // Let layouts and charts settle before taking the picture, and the comparison (made on a worker thread).
    QElapsedTimer waited;
    waited.start();
    while (baselineResults && !window.compareView()->model()->comparison() && waited.elapsed() < 60000)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    while (tab == 4 && !trendsShown && waited.elapsed() < 60000)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    for (int i = 0; i < 5; ++i)
        QApplication::processEvents();
    window.histogram()->setSnapshot(window.histogram()->snapshot());
    window.timeSeries()->setSnapshot(window.timeSeries()->snapshot());
    window.memory()->setSnapshot(window.memory()->snapshot());
    // Charts lay out their legends on later turns of the event loop, and rebuild 100 ms after a resize.
    for (QElapsedTimer settling; !settling.isValid() || settling.elapsed() < 300;) {
        if (!settling.isValid())
            settling.start();
        QApplication::processEvents(QEventLoop::AllEvents, 20);
        // processEvents() leaves deferred deletes for the event loop, which a screenshot never returns to: a
        // rebuilt chart's old axes would still be drawn under the new ones.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    // Written aside and renamed into place once whole: a full disk leaves the old picture, never half a new one.
    const auto out = QFile::decodeName(screenshot.c_str());
    QSaveFile saved(out);
    const auto suffix = QFileInfo(out).suffix().toLower().toLatin1();
    const auto format = suffix.isEmpty() ? QByteArrayLiteral("png") : suffix;
    if (!saved.open(QIODevice::WriteOnly) || !window.grab().save(&saved, format.constData()) || !saved.commit()) {
        std::cerr << "pyrometer open: cannot write " << screenshot << ": " << saved.errorString().toStdString() << "\n";
        return cli::ExitFailed;
    }
    return cli::ExitOk;
}

} // namespace pyrometer::app
