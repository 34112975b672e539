#include <QTest>
#include <QTranslator>

// The German translation the build compiles into the window: it loads, and translates strings of every part.
class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void germanLoadsAndTranslates_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("german");
        QTest::newRow("chart") << QStringLiteral("pyrometer::ui::HistogramPanel")
                               << QStringLiteral("Distribution of wall time")
                               << QStringLiteral("Verteilung der Laufzeit");
        QTest::newRow("menu") << QStringLiteral("pyrometer::ui::MainWindow") << QStringLiteral("&File")
                              << QStringLiteral("&Datei");
        QTest::newRow("table") << QStringLiteral("pyrometer::ui::SummaryModel") << QStringLiteral("95% CI of median")
                               << QStringLiteral("95-%-KI des Medians");
        QTest::newRow("verdict") << QStringLiteral("pyrometer::ui::CompareModel") << QStringLiteral("slower")
                                 << QStringLiteral("langsamer");
        QTest::newRow("details") << QStringLiteral("pyrometer::ui::RunDetails") << QStringLiteral("succeeded")
                                 << QStringLiteral("erfolgreich");
        QTest::newRow("run numbers") << QStringLiteral("RunNumbers") << QStringLiteral("warmup %1")
                                     << QStringLiteral("Aufwärmlauf %1");
        QTest::newRow("list") << QStringLiteral("pyrometer::ui::BenchmarkListModel")
                              << QStringLiteral("Working directory") << QStringLiteral("Arbeitsverzeichnis");
    }

    void germanLoadsAndTranslates()
    {
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(QString, german);
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(PYROMETER_GERMAN_QM)));
        QCOMPARE(translator.translate(context.toUtf8().constData(), source.toUtf8().constData()), german);
    }

    void pluralsFollowTheCount()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(PYROMETER_GERMAN_QM)));
        QCOMPARE(translator.translate("pyrometer::ui::MainWindow", "%n script(s) added", nullptr, 1),
            QStringLiteral("%n Skript hinzugefügt"));
        QCOMPARE(translator.translate("pyrometer::ui::MainWindow", "%n script(s) added", nullptr, 3),
            QStringLiteral("%n Skripte hinzugefügt"));
    }
};

QTEST_APPLESS_MAIN(TestTranslations)
#include "tst_translations.moc"
