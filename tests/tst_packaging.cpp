// Pyrometer installed: `cmake --install` into a temporary prefix and the .deb CPack makes, checked with the tools
// Debian and the desktops check them with (desktop-file-validate, appstreamcli, update-mime-database and gio, man,
// bash, zsh and fish, lintian), and the installed program run.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Ran
{
    int exitCode = -1;
    QString out, err;
};

Ran run(const QString& program, const QStringList& arguments, const QProcessEnvironment& environment = {},
    const QString& folder = {})
{
    QProcess process;
    if (!environment.isEmpty())
        process.setProcessEnvironment(environment);
    if (!folder.isEmpty())
        process.setWorkingDirectory(folder);
    process.start(program, arguments);
    if (!process.waitForFinished(180000))
        return { -1, {}, QStringLiteral("did not finish: ") + program };
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError()) };
}

void write(const QString& path, const QByteArray& text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

/// The long options an installed `pyrometer COMMAND --help` lists on its option lines, read here independently of
/// the parser that writes the man page and the completions.
QSet<QString> optionsInHelp(const QString& help)
{
    QSet<QString> options;
    static const QRegularExpression line(
        QStringLiteral("^ {2,8}(?:-[A-Za-z], )?(--[a-z][-a-z0-9]*)"), QRegularExpression::MultilineOption);
    for (auto match = line.globalMatch(help); match.hasNext();)
        options.insert(match.next().captured(1));
    return options;
}

const QStringList commands { QStringLiteral("run"), QStringLiteral("compare"), QStringLiteral("open"),
    QStringLiteral("recover"), QStringLiteral("history"), QStringLiteral("bisect") };
} // namespace

class TestPackaging : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_prefix;

    QString installed(const QString& path) const { return m_prefix + QLatin1Char('/') + path; }
    QString pyrometer() const { return installed(QStringLiteral("bin/pyrometer")); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_prefix = m_dir.filePath(QStringLiteral("prefix"));
        const auto r = run(QStringLiteral("cmake"),
            { QStringLiteral("--install"), QStringLiteral(PYROMETER_BUILD_DIR), QStringLiteral("--prefix"), m_prefix });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    // Each file in its FHS or XDG place; the programs only Pyrometer starts in libexec.
    void everythingInItsPlace()
    {
        const QString id = QStringLiteral("org.pyrometer.Pyrometer");
        QStringList expected { QStringLiteral("bin/pyrometer"), QStringLiteral("libexec/pyrometer/pyrometer-window"),
            QStringLiteral("libexec/pyrometer/pyrometer-spawn-helper"),
            QStringLiteral("share/applications/") + id + QStringLiteral(".desktop"),
            QStringLiteral("share/metainfo/") + id + QStringLiteral(".metainfo.xml"),
            QStringLiteral("share/mime/packages/") + id + QStringLiteral(".xml"),
            QStringLiteral("share/icons/hicolor/scalable/apps/") + id + QStringLiteral(".svg"),
            QStringLiteral("share/man/man1/pyrometer.1.gz"),
            QStringLiteral("share/bash-completion/completions/pyrometer"),
            QStringLiteral("share/zsh/vendor-completions/_pyrometer"),
            QStringLiteral("share/fish/vendor_completions.d/pyrometer.fish"),
            QStringLiteral("share/doc/pyrometer/copyright"), QStringLiteral("share/doc/pyrometer/changelog.gz") };
        for (const int size : { 16, 22, 24, 32, 48, 64, 128, 256, 512 })
            expected << QStringLiteral("share/icons/hicolor/%1x%1/apps/").arg(size) + id + QStringLiteral(".png");
        for (const auto& path : expected)
            QVERIFY2(QFile::exists(installed(path)), qPrintable(path));
        for (const auto& program : expected.mid(0, 3))
            QVERIFY2(QFileInfo(installed(program)).isExecutable(), qPrintable(program));
        // Each PNG is the size its folder says.
        for (const int size : { 16, 48, 512 })
            QCOMPARE(QImage(installed(QStringLiteral("share/icons/hicolor/%1x%1/apps/").arg(size) + id
                                + QStringLiteral(".png")))
                         .size(),
                QSize(size, size));
    }

    // From the prefix as from the build tree: it measures through its spawn helper (found in libexec: /bin/true's
    // peak RSS is its own, under 3 MiB), and renders a results file in the window program.
    void runsFromThePrefix()
    {
        const auto results = m_dir.filePath(QStringLiteral("true.pyrometer.json"));
        auto r = run(pyrometer(),
            { QStringLiteral("run"), QStringLiteral("--command"), QStringLiteral("-n"), QStringLiteral("3"),
                QStringLiteral("--no-progress"), QStringLiteral("--export-json"), results, QStringLiteral("--"),
                QStringLiteral("/bin/true") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile file(results);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto runs = QJsonDocument::fromJson(file.readAll())
                              .object()[QStringLiteral("benchmarks")]
                              .toArray()
                              .at(0)[QStringLiteral("runs")]
                              .toArray();
        QCOMPARE(runs.size(), 4); // the warmup run too
        for (const auto& each : runs)
            QVERIFY(each[QStringLiteral("max_rss_bytes")].toDouble() < 3.0 * 1024 * 1024);
        const auto picture = m_dir.filePath(QStringLiteral("installed.png"));
        r = run(pyrometer(),
            { QStringLiteral("open"), results, QStringLiteral("--screenshot"), picture, QStringLiteral("--size"),
                QStringLiteral("1024x768") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(QImage(picture).size(), QSize(1024, 768));
        r = run(pyrometer(), { QStringLiteral("--version") });
        QCOMPARE(r.out, QStringLiteral("pyrometer " PYROMETER_VERSION_TEXT "\n"));
    }

    void validators()
    {
        auto r = run(QStringLiteral("desktop-file-validate"),
            { installed(QStringLiteral("share/applications/org.pyrometer.Pyrometer.desktop")) });
        QVERIFY2(r.exitCode == 0 && r.out.isEmpty() && r.err.isEmpty(), qPrintable(r.out + r.err));
        r = run(QStringLiteral("appstreamcli"),
            { QStringLiteral("validate"), QStringLiteral("--no-net"),
                installed(QStringLiteral("share/metainfo/org.pyrometer.Pyrometer.metainfo.xml")) });
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        // Its screenshots are the README's.
        QFile metainfo(installed(QStringLiteral("share/metainfo/org.pyrometer.Pyrometer.metainfo.xml")));
        QVERIFY(metainfo.open(QIODevice::ReadOnly));
        QFile readme(QStringLiteral(PYROMETER_SOURCE_DIR "/README.md"));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        const auto readmeText = QString::fromUtf8(readme.readAll());
        int screenshots = 0;
        static const QRegularExpression image(QStringLiteral("<image>[^<]*/packaging/([^<]+)</image>"));
        for (auto match = image.globalMatch(QString::fromUtf8(metainfo.readAll())); match.hasNext(); ++screenshots) {
            const auto name = match.next().captured(1);
            QVERIFY2(readmeText.contains(QStringLiteral("(packaging/") + name + QLatin1Char(')')), qPrintable(name));
        }
        QVERIFY(screenshots >= 3);
    }

    // The desktop knows a results file for Pyrometer's, by its name (*.pyrometer.json) or, named otherwise, by its
    // content, and opens it with Pyrometer; other JSON stays JSON.
    void resultsFilesOpenWithPyrometer()
    {
        const auto share = installed(QStringLiteral("share"));
        auto r = run(QStringLiteral("update-mime-database"), { share + QStringLiteral("/mime") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = run(QStringLiteral("update-desktop-database"), { share + QStringLiteral("/applications") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_DATA_DIRS"), share + QStringLiteral(":/usr/share"));
        // The desktop entry counts only where its TryExec (pyrometer) is found on the PATH.
        environment.insert(
            QStringLiteral("PATH"), installed(QStringLiteral("bin:")) + environment.value(QStringLiteral("PATH")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data-home")));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config-home")));
        const QByteArray results = "{\n  \"schema\": \"pyrometer.run/1\",\n  \"complete\": true\n}\n";
        write(m_dir.filePath(QStringLiteral("day.pyrometer.json")), "{}");
        write(m_dir.filePath(QStringLiteral("results")), results);
        write(m_dir.filePath(QStringLiteral("hyperfine.json")), "{\"results\": []}\n");
        const auto typeOf = [&](const QString& name) {
            const auto info = run(QStringLiteral("gio"),
                { QStringLiteral("info"), QStringLiteral("-a"), QStringLiteral("standard::content-type"),
                    m_dir.filePath(name) },
                environment);
            const auto match = QRegularExpression(QStringLiteral("standard::content-type: (\\S+)")).match(info.out);
            return match.hasMatch() ? match.captured(1) : info.err;
        };
        QCOMPARE(typeOf(QStringLiteral("day.pyrometer.json")), QStringLiteral("application/x-pyrometer-results"));
        QCOMPARE(typeOf(QStringLiteral("results")), QStringLiteral("application/x-pyrometer-results"));
        QCOMPARE(typeOf(QStringLiteral("hyperfine.json")), QStringLiteral("application/json"));
        r = run(QStringLiteral("gio"), { QStringLiteral("mime"), QStringLiteral("application/x-pyrometer-results") },
            environment);
        QVERIFY2(r.out.contains(QStringLiteral("org.pyrometer.Pyrometer.desktop")), qPrintable(r.out + r.err));
    }

    // pyrometer(1) renders without a warning and holds every option of every command's --help.
    void manPage()
    {
        const auto page = installed(QStringLiteral("share/man/man1/pyrometer.1.gz"));
        auto r = run(QStringLiteral("man"),
            { QStringLiteral("--warnings"), QStringLiteral("-E"), QStringLiteral("UTF-8"), QStringLiteral("-l"),
                page });
        QVERIFY2(r.exitCode == 0 && r.err.isEmpty(), qPrintable(r.err));
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("MANWIDTH"), QStringLiteral("200"));
        r = run(QStringLiteral("man"), { QStringLiteral("-E"), QStringLiteral("ascii"), QStringLiteral("-l"), page },
            environment);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto text = r.out;
        for (const auto& command : commands) {
            QVERIFY2(text.contains(QStringLiteral("PYROMETER ") + command.toUpper()), qPrintable(command));
            const auto help = run(pyrometer(), { command, QStringLiteral("--help") });
            QCOMPARE(help.exitCode, 0);
            const auto options = optionsInHelp(help.out);
            QVERIFY2(options.size() >= 2, qPrintable(command));
            for (const auto& option : options)
                QVERIFY2(text.contains(option), qPrintable(command + QLatin1Char(' ') + option));
        }
    }

    // Each shell completes the commands, every option of every command's --help, and files.
    void completions()
    {
        const auto bash = installed(QStringLiteral("share/bash-completion/completions/pyrometer"));
        const auto completeBash = [&](const QString& line) {
            const auto words = line.split(QLatin1Char(' '));
            const auto script = QStringLiteral("source '%1'; COMP_WORDS=(%2); COMP_CWORD=%3; _pyrometer; "
                                               "printf '%s\\n' \"${COMPREPLY[@]}\"")
                                    .arg(bash, line)
                                    .arg(words.size() - 1);
            const auto lines = run(QStringLiteral("bash"), { QStringLiteral("-c"), script })
                                   .out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            return QSet<QString>(lines.begin(), lines.end());
        };
        const auto fish = installed(QStringLiteral("share/fish/vendor_completions.d/pyrometer.fish"));
        const auto completeFish = [&](const QString& line) {
            const auto out = run(QStringLiteral("fish"),
                { QStringLiteral("--no-config"), QStringLiteral("-c"),
                    QStringLiteral("source '%1'; complete -C'%2'").arg(fish, line) })
                                 .out;
            QSet<QString> words;
            for (const auto& each : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                words.insert(each.section(QLatin1Char('\t'), 0, 0));
            return words;
        };
        for (const auto& command : commands)
            QVERIFY2(completeBash(QStringLiteral("pyrometer ")).contains(command), qPrintable(command));
        QVERIFY(completeBash(QStringLiteral("pyrometer history s")).contains(QStringLiteral("show")));
        for (const auto& command : commands) {
            const auto options = optionsInHelp(run(pyrometer(), { command, QStringLiteral("--help") }).out);
            const auto bashOffers = completeBash(QStringLiteral("pyrometer ") + command + QStringLiteral(" --"));
            const auto fishOffers = completeFish(QStringLiteral("pyrometer ") + command + QStringLiteral(" --"));
            for (const auto& option : options) {
                QVERIFY2(bashOffers.contains(option),
                    qPrintable(QStringLiteral("bash: ") + command + QLatin1Char(' ') + option));
                QVERIFY2(fishOffers.contains(option),
                    qPrintable(QStringLiteral("fish: ") + command + QLatin1Char(' ') + option));
            }
        }
        // Files after the options: the shells' own file completion.
        write(m_dir.filePath(QStringLiteral("bench_sort.py")), "");
        QVERIFY(completeBash(QStringLiteral("pyrometer run ") + m_dir.filePath(QStringLiteral("bench_")))
                    .contains(m_dir.filePath(QStringLiteral("bench_sort.py"))));
        // zsh's is read by zsh without a complaint and defines its function.
        const auto zsh = run(QStringLiteral("zsh"),
            { QStringLiteral("-f"), QStringLiteral("-c"),
                QStringLiteral("compdef() { :; }; source '%1' 2>&1 | head -1 >/dev/null; autoload -U +X _pyrometer "
                               "2>/dev/null; fpath=('%2' $fpath); autoload -U +X _pyrometer && whence -w _pyrometer")
                    .arg(installed(QStringLiteral("share/zsh/vendor-completions/_pyrometer")),
                        installed(QStringLiteral("share/zsh/vendor-completions"))) });
        QVERIFY2(zsh.out.contains(QStringLiteral("_pyrometer: function")), qPrintable(zsh.out + zsh.err));
        const auto syntax = run(QStringLiteral("zsh"),
            { QStringLiteral("-n"), installed(QStringLiteral("share/zsh/vendor-completions/_pyrometer")) });
        QVERIFY2(syntax.exitCode == 0 && syntax.err.isEmpty(), qPrintable(syntax.err));
    }

    // CPack's .deb: named as Debian names packages, its dependencies computed (and libpq5, loaded on demand,
    // named), and no error from lintian.
    void debianPackage()
    {
        const auto out = m_dir.filePath(QStringLiteral("package"));
        auto r = run(QStringLiteral("cpack"),
            { QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("-B"), out, QStringLiteral("--config"),
                QStringLiteral(PYROMETER_BUILD_DIR "/CPackConfig.cmake") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QString deb = out + QStringLiteral("/pyrometer_" PYROMETER_VERSION_TEXT "_amd64.deb");
        QVERIFY2(QFile::exists(deb),
            qPrintable(deb + QStringLiteral(" not in ") + QDir(out).entryList().join(QLatin1Char(' '))));
        r = run(QStringLiteral("dpkg-deb"),
            { QStringLiteral("-f"), deb, QStringLiteral("Depends"), QStringLiteral("Section"),
                QStringLiteral("Maintainer") });
        for (const char* needed : { "libqt6charts6", "libqt6widgets6", "libsqlite3-0", "libpq5", "Section: devel" })
            QVERIFY2(r.out.contains(QLatin1String(needed)), qPrintable(r.out + r.err));
        r = run(QStringLiteral("lintian"), { QStringLiteral("--no-cfg"), deb });
        QVERIFY2(
            !QRegularExpression(QStringLiteral("^E: "), QRegularExpression::MultilineOption).match(r.out).hasMatch(),
            qPrintable(r.out + r.err));
    }
};

QTEST_GUILESS_MAIN(TestPackaging)
#include "tst_packaging.moc"
