<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/profile/hotspots_view.cpp" line="32"/>
        <source>No profile to export</source>
        <translation>Kein Profil zum Exportieren</translation>
    </message>
</context>
<context>
    <name>RunNumbers</name>
    <message>
        <location filename="../ui/snapshot/run_numbers.cpp" line="18"/>
        <source>warmup %1</source>
        <translation>Aufwärmlauf %1</translation>
    </message>
    <message>
        <location filename="../ui/snapshot/run_numbers.cpp" line="19"/>
        <source>run %1</source>
        <translation>Lauf %1</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::AllocationDiffModel</name>
    <message>
        <location filename="../ui/compare/profile_diff_models.cpp" line="215"/>
        <location filename="../ui/compare/profile_diff_models.cpp" line="219"/>
        <source>%1 in %2 blocks</source>
        <translation>%1 in %2 Blöcken</translation>
    </message>
    <message>
        <location filename="../ui/compare/profile_diff_models.cpp" line="234"/>
        <source>Allocated at</source>
        <translation>Angelegt in</translation>
    </message>
    <message>
        <location filename="../ui/compare/profile_diff_models.cpp" line="236"/>
        <source>Baseline (live at the end)</source>
        <translation>Basis (am Ende belegt)</translation>
    </message>
    <message>
        <location filename="../ui/compare/profile_diff_models.cpp" line="238"/>
        <source>Candidate (live at the end)</source>
        <translation>Kandidat (am Ende belegt)</translation>
    </message>
    <message>
        <location filename="../ui/compare/profile_diff_models.cpp" line="240"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::BenchmarkListModel</name>
    <message>
        <location filename="../ui/run/benchmark_list_model.cpp" line="410"/>
        <source>%1 (1 case)</source>
        <translation>%1 (1 Fall)</translation>
    </message>
    <message>
        <location filename="../ui/run/benchmark_list_model.cpp" line="411"/>
        <source>%1 (%2 cases)</source>
        <translation>%1 (%2 Fälle)</translation>
    </message>
    <message>
        <location filename="../ui/run/benchmark_list_model.cpp" line="433"/>
        <source>(command)</source>
        <translation>(Befehl)</translation>
    </message>
    <message>
        <location filename="../ui/run/benchmark_list_model.cpp" line="550"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/run/benchmark_list_model.cpp" line="552"/>
        <source>Script or command</source>
        <translation>Skript oder Befehl</translation>
    </message>
    <message>
        <location filename="../ui/run/benchmark_list_model.cpp" line="554"/>
        <source>Interpreter</source>
        <translation>Interpreter</translation>
    </message>
    <message>
        <location filename="../ui/run/benchmark_list_model.cpp" line="556"/>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <location filename="../ui/run/benchmark_list_model.cpp" line="558"/>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <location filename="../ui/run/benchmark_list_model.cpp" line="560"/>
        <source>Working directory</source>
        <translation>Arbeitsverzeichnis</translation>
    </message>
    <message>
        <location filename="../ui/run/benchmark_list_model.cpp" line="562"/>
        <source>Setup</source>
        <translation>Vorbereitung</translation>
    </message>
    <message>
        <location filename="../ui/run/benchmark_list_model.cpp" line="564"/>
        <source>Before each run</source>
        <translation>Vor jedem Lauf</translation>
    </message>
    <message>
        <location filename="../ui/run/benchmark_list_model.cpp" line="566"/>
        <source>After each run</source>
        <translation>Nach jedem Lauf</translation>
    </message>
    <message>
        <location filename="../ui/run/benchmark_list_model.cpp" line="568"/>
        <source>Cleanup</source>
        <translation>Aufräumen</translation>
    </message>
    <message>
        <location filename="../ui/run/benchmark_list_model.cpp" line="570"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::BoxPlotPanel</name>
    <message>
        <location filename="../ui/charts/box_plot_panel.cpp" line="21"/>
        <source>Wall time per benchmark</source>
        <translation>Laufzeit je Benchmark</translation>
    </message>
    <message>
        <location filename="../ui/charts/box_plot_panel.cpp" line="92"/>
        <source>Outliers</source>
        <translation>Ausreißer</translation>
    </message>
    <message>
        <location filename="../ui/charts/box_plot_panel.cpp" line="130"/>
        <source>%1
median %2
quartiles %3 … %4
whiskers %5 … %6
successful runs: %7</source>
        <translation>%1
Median %2
Quartile %3 … %4
Whisker %5 … %6
erfolgreiche Läufe: %7</translation>
    </message>
    <message>
        <location filename="../ui/charts/box_plot_panel.cpp" line="41"/>
        <source>Wall time (%1)</source>
        <translation>Laufzeit (%1)</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::ChangeChartPanel</name>
    <message>
        <location filename="../ui/compare/comparison_charts.cpp" line="79"/>
        <source>Change of the median (band: threshold)</source>
        <translation>Änderung des Medians (Band: Schwelle)</translation>
    </message>
    <message>
        <location filename="../ui/compare/comparison_charts.cpp" line="132"/>
        <source>vs baseline (%)</source>
        <translation>ggü. Basis (%)</translation>
    </message>
    <message>
        <location filename="../ui/compare/comparison_charts.cpp" line="183"/>
        <source>%1
%2 (95% CI %3 … %4)
%5</source>
        <translation>%1
%2 (95-%-KI %3 … %4)
%5</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::ChartPanel</name>
    <message>
        <location filename="../ui/charts/chart_panel.cpp" line="66"/>
        <source>Reset zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/charts/chart_panel.cpp" line="67"/>
        <source>Show the whole data again (or double-click the chart); drag a rectangle or turn the wheel to zoom, drag with the middle button to pan</source>
        <translation>Wieder alle Daten zeigen (oder das Diagramm doppelklicken); ein Rechteck ziehen oder das Mausrad drehen zum Zoomen, mit der mittleren Taste ziehen zum Verschieben</translation>
    </message>
    <message>
        <location filename="../ui/charts/chart_panel.cpp" line="77"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/charts/chart_panel.cpp" line="81"/>
        <source>Export… — save this chart as PNG (at a resolution you choose) or SVG</source>
        <translation>Exportieren… – dieses Diagramm als PNG (in wählbarer Auflösung) oder SVG speichern</translation>
    </message>
    <message>
        <location filename="../ui/charts/chart_panel_choices.cpp" line="41"/>
        <source>Log scale</source>
        <translation>Log. Skala</translation>
    </message>
    <message>
        <location filename="../ui/charts/chart_panel_choices.cpp" line="43"/>
        <source>A logarithmic time axis, so that a 10 ms script and a 1 s one both show; on by itself while the medians differ more than tenfold, until you choose</source>
        <translation>Eine logarithmische Zeitachse, damit ein 10-ms-Skript und eines mit 1 s beide sichtbar sind; von selbst an, solange sich die Mediane um mehr als das Zehnfache unterscheiden, bis Sie wählen</translation>
    </message>
    <message>
        <location filename="../ui/charts/chart_panel_choices.cpp" line="56"/>
        <source>One per benchmark</source>
        <translation>Einzeln je Benchmark</translation>
    </message>
    <message>
        <location filename="../ui/charts/chart_panel_choices.cpp" line="58"/>
        <source>A small chart for each benchmark, each on its own scale, instead of all in one</source>
        <translation>Ein kleines Diagramm je Benchmark, jedes mit eigener Skala, statt aller in einem</translation>
    </message>
    <message>
        <location filename="../ui/charts/chart_panel.cpp" line="249"/>
        <source>%1 benchmarks: hover for names</source>
        <translation>%1 Benchmarks: Namen im Tooltip</translation>
    </message>
    <message>
        <location filename="../ui/charts/chart_panel.cpp" line="298"/>
        <location filename="../ui/charts/chart_panel.cpp" line="305"/>
        <source>Export Chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <location filename="../ui/charts/chart_panel.cpp" line="298"/>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <location filename="../ui/charts/chart_panel.cpp" line="305"/>
        <source>Resolution (times the size on screen):</source>
        <translation>Auflösung (mal der Größe auf dem Bildschirm):</translation>
    </message>
    <message>
        <location filename="../ui/charts/chart_panel.cpp" line="309"/>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <location filename="../ui/charts/chart_panel.cpp" line="309"/>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::CompareModel</name>
    <message>
        <location filename="../ui/compare/compare_model.cpp" line="25"/>
        <source>slower</source>
        <translation>langsamer</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_model.cpp" line="27"/>
        <source>faster</source>
        <translation>schneller</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_model.cpp" line="29"/>
        <source>no significant change</source>
        <translation>keine signifikante Änderung</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_model.cpp" line="31"/>
        <source>significant, but not shown to exceed %1%</source>
        <translation>signifikant, aber nicht nachweislich über %1%</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_model.cpp" line="33"/>
        <source>too few runs to tell</source>
        <translation>zu wenige Läufe für ein Urteil</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_model.cpp" line="35"/>
        <source>too fast to measure</source>
        <translation>zu schnell zum Messen</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_model.cpp" line="37"/>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_model.cpp" line="39"/>
        <source>summary only: no runs to test</source>
        <translation>nur Zusammenfassung: keine Läufe zum Testen</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_model.cpp" line="89"/>
        <source>no runs</source>
        <translation>keine Läufe</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_model.cpp" line="183"/>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_model.cpp" line="187"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_model.cpp" line="189"/>
        <source>CPU time</source>
        <translation>CPU-Zeit</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_model.cpp" line="191"/>
        <source>Peak RSS</source>
        <translation>Max. RSS</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_model.cpp" line="153"/>
        <source> (exact)</source>
        <translation> (exakt)</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_model.cpp" line="149"/>
        <source>Change %1: the median of the ratios of run i of each (paired)</source>
        <translation>Änderung %1: der Median der Verhältnisse von Lauf i beider (gepaart)</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_model.cpp" line="150"/>
        <source>Change %1: the candidate&apos;s median against the baseline&apos;s</source>
        <translation>Änderung %1: der Median des Kandidaten gegenüber dem der Basis</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_model.cpp" line="151"/>
        <source>%1
%9
%8: statistic %2, %3%4
Welch&apos;s t-test: %5
Hodges–Lehmann shift: %6%7</source>
        <translation>%1
%9
%8: Statistik %2, %3%4
Welch-t-Test: %5
Hodges-Lehmann-Verschiebung: %6%7</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_model.cpp" line="153"/>
        <source> (normal approximation)</source>
        <translation> (Normalapproximation)</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_model.cpp" line="154"/>
        <source>not defined</source>
        <translation>nicht definiert</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_model.cpp" line="167"/>
        <source>The candidate&apos;s median against the baseline&apos;s; for two benchmarks of one run, the median of the ratios of their runs side by side, which can differ from the medians&apos; ratio</source>
        <translation>Der Median des Kandidaten gegenüber dem der Basis; bei zwei Benchmarks eines Laufs der Median der Verhältnisse ihrer nebeneinander gemessenen Läufe, der vom Verhältnis der Mediane abweichen kann</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_model.cpp" line="173"/>
        <source>Benchmark</source>
        <translation>Benchmark</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_model.cpp" line="175"/>
        <source>Baseline (runs)</source>
        <translation>Basis (Läufe)</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_model.cpp" line="177"/>
        <source>Candidate (runs)</source>
        <translation>Kandidat (Läufe)</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_model.cpp" line="179"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_model.cpp" line="181"/>
        <source>95% CI</source>
        <translation>95-%-KI</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_model.cpp" line="185"/>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::CompareView</name>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="76"/>
        <source>Pin Current as Baseline</source>
        <translation>Aktuelle als Basis anheften</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="76"/>
        <source>Compare what runs next with the results shown now</source>
        <translation>Die nächsten Läufe mit den jetzt gezeigten Ergebnissen vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="78"/>
        <source>Open Baseline…</source>
        <translation>Basis öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="78"/>
        <source>A results file of Pyrometer, hyperfine, pyperf or pytest-benchmark</source>
        <translation>Eine Ergebnisdatei von Pyrometer, hyperfine, pyperf oder pytest-benchmark</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="81"/>
        <source>Open Candidate…</source>
        <translation>Kandidat öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="81"/>
        <source>Compare with a file instead of the results shown now</source>
        <translation>Mit einer Datei statt den jetzt gezeigten Ergebnissen vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="83"/>
        <source>Use Current Results</source>
        <translation>Aktuelle Ergebnisse verwenden</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="83"/>
        <source>The candidate is the results shown now, live while running</source>
        <translation>Kandidat sind die jetzt gezeigten Ergebnisse, live während eines Laufs</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="87"/>
        <source>Within One Run…</source>
        <translation>Innerhalb eines Laufs…</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="88"/>
        <source>Compare two benchmarks of the results shown now, such as old.py and new.py of one interleaved run</source>
        <translation>Zwei Benchmarks der angezeigten Ergebnisse vergleichen, etwa old.py und new.py eines verschränkten Laufs</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="96"/>
        <source>Threshold:</source>
        <translation>Schwelle:</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="103"/>
        <source>Smallest change of the median that counts as slower or faster</source>
        <translation>Kleinste Änderung des Medians, die als langsamer oder schneller zählt</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="105"/>
        <source>α:</source>
        <translation>α:</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="110"/>
        <source>Significance level of the Mann–Whitney U test</source>
        <translation>Signifikanzniveau des Mann–Whitney-U-Tests</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="112"/>
        <source>Pair by Hand…</source>
        <translation>Von Hand paaren…</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="114"/>
        <source>Choose which benchmark of the baseline is compared with which of the candidate</source>
        <translation>Wählen, welcher Benchmark der Basis mit welchem des Kandidaten verglichen wird</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="117"/>
        <source>Export Report…</source>
        <translation>Bericht exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="118"/>
        <source>HTML, Markdown, JUnit XML or JSON, by the file&apos;s suffix</source>
        <translation>HTML, Markdown, JUnit-XML oder JSON, nach der Dateiendung</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="122"/>
        <source>How verdicts are made (?)</source>
        <translation>Wie Urteile entstehen (?)</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="181"/>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="215"/>
        <source>Functions</source>
        <translation>Funktionen</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="234"/>
        <source>Allocations</source>
        <translation>Allokationen</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="264"/>
        <source>Tick Profile (and tracemalloc) in Run Settings for both sides to see which functions got slower</source>
        <translation>Profil (und tracemalloc) in den Laufeinstellungen für beide Seiten ankreuzen, um zu sehen, welche Funktionen langsamer wurden</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="290"/>
        <source>own time %1 → %2</source>
        <translation>Eigenzeit %1 → %2</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="293"/>
        <source>not called in the baseline</source>
        <translation>in der Basis nicht aufgerufen</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="295"/>
        <source>%1: own time of all functions %2 → %3. The flame graph is the candidate&apos;s; red boxes got slower, blue ones faster.</source>
        <translation>%1: Eigenzeit aller Funktionen %2 → %3. Der Flammengraph ist der des Kandidaten; rote Kästen wurden langsamer, blaue schneller.</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="337"/>
        <source>Nothing to pin: run benchmarks or open results first</source>
        <translation>Nichts anzuheften: zuerst Benchmarks laufen lassen oder Ergebnisse öffnen</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="340"/>
        <source>%1 (pinned)</source>
        <translation>%1 (angeheftet)</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="341"/>
        <source>Pinned as the baseline; the next run is compared with it</source>
        <translation>Als Basis angeheftet; der nächste Lauf wird damit verglichen</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="369"/>
        <source>Nothing to compare: run benchmarks or open results first</source>
        <translation>Nichts zu vergleichen: erst Benchmarks laufen lassen oder Ergebnisse öffnen</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="413"/>
        <source>Within %1
Pairs: %2</source>
        <translation>Innerhalb von %1
Paare: %2</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="415"/>
        <source>none yet — choose two benchmarks with Pair by Hand</source>
        <translation>noch keine — zwei Benchmarks mit „Von Hand paaren“ wählen</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="419"/>
        <source>Baseline: %1
Candidate: %2</source>
        <translation>Basis: %1
Kandidat: %2</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="420"/>
        <source>none yet — pin the current results or open a file</source>
        <translation>noch keine – aktuelle Ergebnisse anheften oder eine Datei öffnen</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="421"/>
        <source>none yet — run the benchmarks (again) or open results</source>
        <translation>noch keiner – die Benchmarks (erneut) laufen lassen oder Ergebnisse öffnen</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="425"/>
        <source>Verdicts: two-sided Mann–Whitney U test at α = %1 and the whole %2% bootstrap interval of the ratio of medians (%3 resamples) beyond the threshold of %4%; for two benchmarks of one interleaved run, the Wilcoxon signed-rank test of their paired runs at α = %1 and the median ratio of the pairs beyond the threshold.</source>
        <translation>Urteile: zweiseitiger Mann-Whitney-U-Test bei α = %1 und das ganze %2-%-Bootstrap-Intervall des Verhältnisses der Mediane (%3 Stichproben) jenseits der Schwelle von %4 %; für zwei Benchmarks eines verschränkten Laufs der Wilcoxon-Vorzeichen-Rang-Test ihrer gepaarten Läufe bei α = %1 und das Median-Verhältnis der Paare jenseits der Schwelle.</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="455"/>
        <source>Choose the two benchmarks to compare with Pair by Hand</source>
        <translation>Die zwei zu vergleichenden Benchmarks mit „Von Hand paaren“ wählen</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="456"/>
        <source>No benchmark in common: pair them by hand</source>
        <translation>Kein gemeinsamer Benchmark: von Hand paaren</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/compare/compare_view.cpp" line="459"/>
        <source>%n pair(s) compared</source>
        <translation>
            <numerusform>%n Paar verglichen</numerusform>
            <numerusform>%n Paare verglichen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="465"/>
        <source>Results (*.json *.json.gz);;All files (*)</source>
        <translation>Ergebnisse (*.json *.json.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="478"/>
        <source>Open Baseline</source>
        <translation>Basis öffnen</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="484"/>
        <source>Open Candidate</source>
        <translation>Kandidat öffnen</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="491"/>
        <source>Choose a baseline and a candidate first</source>
        <translation>Erst eine Basis und einen Kandidaten wählen</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="503"/>
        <source>Nothing to export: choose a baseline and a candidate first</source>
        <translation>Nichts zu exportieren: zuerst Basis und Kandidat wählen</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="506"/>
        <source>Export Comparison</source>
        <translation>Vergleich exportieren</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="507"/>
        <source>HTML (*.html);;Markdown (*.md);;JUnit XML (*.xml);;JSON (*.json)</source>
        <translation>HTML (*.html);;Markdown (*.md);;JUnit-XML (*.xml);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/compare/compare_view.cpp" line="519"/>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::DistributionPanel</name>
    <message>
        <location filename="../ui/compare/comparison_charts.cpp" line="289"/>
        <location filename="../ui/compare/comparison_charts.cpp" line="306"/>
        <source>Distributions</source>
        <translation>Verteilungen</translation>
    </message>
    <message>
        <location filename="../ui/compare/comparison_charts.cpp" line="309"/>
        <source>Distributions: %1</source>
        <translation>Verteilungen: %1</translation>
    </message>
    <message>
        <location filename="../ui/compare/comparison_charts.cpp" line="331"/>
        <source>Wall time (%1)</source>
        <translation>Laufzeit (%1)</translation>
    </message>
    <message>
        <location filename="../ui/compare/comparison_charts.cpp" line="336"/>
        <source>baseline</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../ui/compare/comparison_charts.cpp" line="336"/>
        <source>candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <location filename="../ui/compare/comparison_charts.cpp" line="332"/>
        <source>Share of runs (%)</source>
        <translation>Anteil der Läufe (%)</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::DoctorDialog</name>
    <message>
        <location filename="../ui/run/machine_indicator.cpp" line="70"/>
        <source>Run the Doctor</source>
        <translation>Doktor starten</translation>
    </message>
    <message>
        <location filename="../ui/run/machine_indicator.cpp" line="72"/>
        <source>Pyrometer Doctor</source>
        <translation>Pyrometer-Doktor</translation>
    </message>
    <message>
        <location filename="../ui/run/machine_indicator.cpp" line="80"/>
        <source>Measure this machine: the start-up floors, the noise of a fixed loop and the smallest change 30 runs a side can detect, and the instrument against known sleeps, CPU work and memory (about 5 s; as pyrometer doctor)</source>
        <translation>Diese Maschine vermessen: die Startzeiten, das Rauschen einer festen Schleife und die kleinste Änderung, die 30 Läufe je Seite erkennen, und das Messgerät gegen bekannte Pausen, CPU-Arbeit und Speicher (etwa 5 s; wie pyrometer doctor)</translation>
    </message>
    <message>
        <location filename="../ui/run/machine_indicator.cpp" line="99"/>
        <source>The full doctor, measured at %1.</source>
        <translation>Der vollständige Doktor, gemessen um %1.</translation>
    </message>
    <message>
        <location filename="../ui/run/machine_indicator.cpp" line="100"/>
        <source>What changes from minute to minute, read now. Run the Doctor to measure this machine: its noise, the smallest change it lets you see, and the instrument (about 5 s).</source>
        <translation>Was sich von Minute zu Minute ändert, jetzt gelesen. „Doktor starten“ vermisst diese Maschine: ihr Rauschen, die kleinste Änderung, die sie erkennen lässt, und das Messgerät (etwa 5 s).</translation>
    </message>
    <message>
        <location filename="../ui/run/machine_indicator.cpp" line="115"/>
        <source>The doctor cannot measure: %1</source>
        <translation>Der Doktor kann nicht messen: %1</translation>
    </message>
    <message>
        <location filename="../ui/run/machine_indicator.cpp" line="119"/>
        <source>Measuring this machine (about 5 s)…</source>
        <translation>Diese Maschine wird vermessen (etwa 5 s) …</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::FlameGraphWidget</name>
    <message>
        <location filename="../ui/profile/flame_graph_widget.cpp" line="84"/>
        <source>Export Flame Graph…</source>
        <translation>Flammengraph exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/profile/flame_graph_widget.cpp" line="85"/>
        <source>Save the flame graph as PNG or SVG</source>
        <translation>Den Flammengraph als PNG oder SVG speichern</translation>
    </message>
    <message>
        <location filename="../ui/profile/flame_graph_widget.cpp" line="88"/>
        <source>Export Flame Graph</source>
        <translation>Flammengraph exportieren</translation>
    </message>
    <message>
        <location filename="../ui/profile/flame_graph_widget.cpp" line="88"/>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <location filename="../ui/profile/flame_graph_widget.cpp" line="90"/>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <location filename="../ui/profile/flame_graph_widget.cpp" line="90"/>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../ui/profile/flame_graph_widget.cpp" line="123"/>
        <source>No profile: tick Profile in Run Settings and run again.</source>
        <translation>Kein Profil: in den Laufeinstellungen „Profil“ ankreuzen und erneut laufen lassen.</translation>
    </message>
    <message>
        <location filename="../ui/profile/flame_graph_widget.cpp" line="125"/>
        <source>Zoomed on %1 (%2) — right-click to see the whole profile</source>
        <translation>Vergrößert auf %1 (%2) – Rechtsklick zeigt das ganze Profil</translation>
    </message>
    <message>
        <location filename="../ui/profile/flame_graph_widget.cpp" line="128"/>
        <source>Whole profile (%1) — click a box to zoom</source>
        <translation>Ganzes Profil (%1) – Klick auf ein Feld vergrößert</translation>
    </message>
    <message>
        <location filename="../ui/profile/flame_graph_widget.cpp" line="173"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;%3 here (%4%), %5 cumulative in all, %6 own&lt;br&gt;%7 calls</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;%3 hier (%4 %), %5 kumuliert insgesamt, %6 eigene&lt;br&gt;%7 Aufrufe</translation>
    </message>
    <message>
        <location filename="../ui/profile/flame_graph_widget.cpp" line="175"/>
        <source>built-in</source>
        <translation>eingebaut</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::FunctionDiffModel</name>
    <message>
        <location filename="../ui/compare/profile_diff_models.cpp" line="18"/>
        <source>built-in</source>
        <translation>eingebaut</translation>
    </message>
    <message>
        <location filename="../ui/compare/profile_diff_models.cpp" line="118"/>
        <location filename="../ui/compare/profile_diff_models.cpp" line="120"/>
        <source>not called</source>
        <translation>nicht aufgerufen</translation>
    </message>
    <message>
        <location filename="../ui/compare/profile_diff_models.cpp" line="125"/>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <location filename="../ui/compare/profile_diff_models.cpp" line="125"/>
        <source>gone</source>
        <translation>entfallen</translation>
    </message>
    <message>
        <location filename="../ui/compare/profile_diff_models.cpp" line="141"/>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../ui/compare/profile_diff_models.cpp" line="143"/>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../ui/compare/profile_diff_models.cpp" line="145"/>
        <source>Baseline own</source>
        <translation>Basis eigen</translation>
    </message>
    <message>
        <location filename="../ui/compare/profile_diff_models.cpp" line="147"/>
        <source>Candidate own</source>
        <translation>Kandidat eigen</translation>
    </message>
    <message>
        <location filename="../ui/compare/profile_diff_models.cpp" line="149"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location filename="../ui/compare/profile_diff_models.cpp" line="151"/>
        <source>Change %</source>
        <translation>Änderung %</translation>
    </message>
    <message>
        <location filename="../ui/compare/profile_diff_models.cpp" line="153"/>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::HistogramPanel</name>
    <message>
        <location filename="../ui/charts/histogram_panel.cpp" line="21"/>
        <source>Distribution of wall time</source>
        <translation>Verteilung der Laufzeit</translation>
    </message>
    <message>
        <location filename="../ui/charts/histogram_panel.cpp" line="25"/>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <location filename="../ui/charts/histogram_panel.cpp" line="26"/>
        <source>Number of bins; auto uses the Freedman–Diaconis rule</source>
        <translation>Anzahl der Klassen; auto nutzt die Freedman-Diaconis-Regel</translation>
    </message>
    <message>
        <location filename="../ui/charts/histogram_panel.cpp" line="27"/>
        <source>Bins:</source>
        <translation>Klassen:</translation>
    </message>
    <message>
        <location filename="../ui/charts/histogram_panel.cpp" line="67"/>
        <source>Wall time (%1)</source>
        <translation>Laufzeit (%1)</translation>
    </message>
    <message>
        <location filename="../ui/charts/histogram_panel.cpp" line="106"/>
        <source>Share of runs (%)</source>
        <translation>Anteil der Läufe (%)</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::HistoryChart</name>
    <message>
        <location filename="../ui/history/history_chart.cpp" line="31"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../ui/history/history_chart.cpp" line="62"/>
        <source>Run set, oldest first</source>
        <translation>Laufsatz, der älteste zuerst</translation>
    </message>
    <message>
        <location filename="../ui/history/history_chart.cpp" line="66"/>
        <source>Median ÷ its first</source>
        <translation>Median ÷ sein erster</translation>
    </message>
    <message>
        <location filename="../ui/history/history_chart.cpp" line="171"/>
        <source>Median (%1)</source>
        <translation>Median (%1)</translation>
    </message>
    <message>
        <location filename="../ui/history/history_chart.cpp" line="83"/>
        <source> (95% interval)</source>
        <translation> (95-%-Intervall)</translation>
    </message>
    <message>
        <location filename="../ui/history/history_chart.cpp" line="96"/>
        <source> (run sets)</source>
        <translation> (Laufsätze)</translation>
    </message>
    <message>
        <location filename="../ui/history/history_chart.cpp" line="105"/>
        <source> (level)</source>
        <translation> (Niveau)</translation>
    </message>
    <message>
        <location filename="../ui/history/history_chart.cpp" line="111"/>
        <source> (change of level)</source>
        <translation> (Niveauwechsel)</translation>
    </message>
    <message>
        <location filename="../ui/history/history_chart.cpp" line="251"/>
        <source>Run set %1, %2</source>
        <translation>Laufsatz %1, %2</translation>
    </message>
    <message>
        <location filename="../ui/history/history_chart.cpp" line="254"/>
        <source>Commit %1%2 on %3</source>
        <translation>Commit %1%2 auf %3</translation>
    </message>
    <message>
        <location filename="../ui/history/history_chart.cpp" line="260"/>
        <source>Median %1</source>
        <translation>Median %1</translation>
    </message>
    <message>
        <location filename="../ui/history/history_chart.cpp" line="262"/>
        <source> (95%: %1 … %2)</source>
        <translation> (95 %: %1 … %2)</translation>
    </message>
    <message>
        <location filename="../ui/history/history_chart.cpp" line="266"/>
        <source>Click to open it; Shift+click to compare it with the one clicked before</source>
        <translation>Klicken öffnet ihn; Umschalt+Klick vergleicht ihn mit dem zuvor geklickten</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::HistoryPanel</name>
    <message>
        <location filename="../ui/history/history_panel.cpp" line="70"/>
        <source>The benchmarks to draw; several are each shown as a ratio to their first run set</source>
        <translation>Die zu zeichnenden Benchmarks; mehrere werden je als Verhältnis zu ihrem ersten Laufsatz gezeigt</translation>
    </message>
    <message>
        <location filename="../ui/history/history_panel.cpp" line="76"/>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <location filename="../ui/history/history_panel.cpp" line="77"/>
        <source>Read the history store again</source>
        <translation>Den Verlaufsspeicher neu lesen</translation>
    </message>
    <message>
        <location filename="../ui/history/history_panel.cpp" line="84"/>
        <source>Branch:</source>
        <translation>Branch:</translation>
    </message>
    <message>
        <location filename="../ui/history/history_panel.cpp" line="85"/>
        <source>Machine:</source>
        <translation>Rechner:</translation>
    </message>
    <message>
        <location filename="../ui/history/history_panel.cpp" line="86"/>
        <source>Benchmarks:</source>
        <translation>Benchmarks:</translation>
    </message>
    <message>
        <location filename="../ui/history/history_panel.cpp" line="128"/>
        <source>Store: %1</source>
        <translation>Speicher: %1</translation>
    </message>
    <message>
        <location filename="../ui/history/history_panel.cpp" line="131"/>
        <source>Nothing saved yet: runs are kept here when “Save to the history” is on in the Run Settings, or with pyrometer run --save.</source>
        <translation>Noch nichts gespeichert: Läufe werden hier aufbewahrt, wenn „Im Verlauf speichern“ in den Laufeinstellungen an ist, oder mit pyrometer run --save.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/history/history_panel.cpp" line="166"/>
        <source>%n run set(s)</source>
        <translation>
            <numerusform>%n Laufsatz</numerusform>
            <numerusform>%n Laufsätze</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/history/history_panel.cpp" line="178"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../ui/history/history_panel.cpp" line="181"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/history/history_panel.cpp" line="185"/>
        <source>not in git</source>
        <translation>nicht in Git</translation>
    </message>
    <message>
        <location filename="../ui/history/history_panel.cpp" line="186"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/history/history_panel.cpp" line="239"/>
        <source>Choose benchmarks on the left.</source>
        <translation>Links Benchmarks wählen.</translation>
    </message>
    <message>
        <location filename="../ui/history/history_panel.cpp" line="240"/>
        <source>No change of level of 2% or more (E-Divisive, p ≤ 0.01).</source>
        <translation>Kein Niveauwechsel von 2 % oder mehr (E-Divisive, p ≤ 0,01).</translation>
    </message>
    <message>
        <location filename="../ui/history/history_panel.cpp" line="293"/>
        <location filename="../ui/history/history_panel.cpp" line="295"/>
        <source>run set %1</source>
        <translation>Laufsatz %1</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::HotspotsModel</name>
    <message>
        <location filename="../ui/profile/hotspots_model.cpp" line="40"/>
        <source>built-in</source>
        <translation>eingebaut</translation>
    </message>
    <message>
        <location filename="../ui/profile/hotspots_model.cpp" line="100"/>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../ui/profile/hotspots_model.cpp" line="102"/>
        <source>Own time</source>
        <translation>Eigene Zeit</translation>
    </message>
    <message>
        <location filename="../ui/profile/hotspots_model.cpp" line="104"/>
        <source>Own %</source>
        <translation>Eigen %</translation>
    </message>
    <message>
        <location filename="../ui/profile/hotspots_model.cpp" line="106"/>
        <source>Cumulative</source>
        <translation>Kumuliert</translation>
    </message>
    <message>
        <location filename="../ui/profile/hotspots_model.cpp" line="108"/>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <location filename="../ui/profile/hotspots_model.cpp" line="110"/>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::HotspotsView</name>
    <message>
        <location filename="../ui/profile/hotspots_view.cpp" line="50"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/profile/hotspots_view.cpp" line="51"/>
        <source>Export .pstats…</source>
        <translation>.pstats exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/profile/hotspots_view.cpp" line="61"/>
        <source>Filter functions and files…</source>
        <translation>Funktionen und Dateien filtern…</translation>
    </message>
    <message>
        <location filename="../ui/profile/hotspots_view.cpp" line="63"/>
        <source>The table as CSV, every function</source>
        <translation>Die Tabelle als CSV, alle Funktionen</translation>
    </message>
    <message>
        <location filename="../ui/profile/hotspots_view.cpp" line="64"/>
        <source>The raw profile, for python -m pstats and snakeviz</source>
        <translation>Das rohe Profil, für python -m pstats und snakeviz</translation>
    </message>
    <message>
        <location filename="../ui/profile/hotspots_view.cpp" line="78"/>
        <source>Double-click a function to zoom the flame graph on it</source>
        <translation>Doppelklick auf eine Funktion vergrößert den Flammengraphen darauf</translation>
    </message>
    <message>
        <location filename="../ui/profile/hotspots_view.cpp" line="91"/>
        <source>Benchmark:</source>
        <translation>Benchmark:</translation>
    </message>
    <message>
        <location filename="../ui/profile/hotspots_view.cpp" line="113"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/profile/hotspots_view.cpp" line="116"/>
        <source>Export Hotspots</source>
        <translation>Hotspots exportieren</translation>
    </message>
    <message>
        <location filename="../ui/profile/hotspots_view.cpp" line="116"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/profile/hotspots_view.cpp" line="118"/>
        <source>Export Profile</source>
        <translation>Profil exportieren</translation>
    </message>
    <message>
        <location filename="../ui/profile/hotspots_view.cpp" line="118"/>
        <source>Python profile (*.pstats *.prof)</source>
        <translation>Python-Profil (*.pstats *.prof)</translation>
    </message>
    <message>
        <location filename="../ui/profile/hotspots_view.cpp" line="177"/>
        <source>No %1 data: %2</source>
        <translation>Keine %1-Daten: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/profile/hotspots_view.cpp" line="180"/>
        <source>The script forked %n time(s); the data covers the parent only.</source>
        <translation>
            <numerusform>Das Skript hat sich %n-mal geforkt; die Daten gelten nur für den Elternprozess.</numerusform>
            <numerusform>Das Skript hat sich %n-mal geforkt; die Daten gelten nur für den Elternprozess.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/profile/hotspots_view.cpp" line="188"/>
        <source>gen %1: %2</source>
        <translation>Gen. %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/profile/hotspots_view.cpp" line="190"/>
        <source>GC: %1 paused (%2).</source>
        <translation>GC: %1 pausiert (%2).</translation>
    </message>
    <message>
        <location filename="../ui/profile/hotspots_view.cpp" line="194"/>
        <source>tracemalloc: peak %1 traced</source>
        <translation>tracemalloc: Spitze %1 verfolgt</translation>
    </message>
    <message>
        <location filename="../ui/profile/hotspots_view.cpp" line="198"/>
        <source>; most still held at %1:%2 (%3)</source>
        <translation>; am meisten noch gehalten bei %1:%2 (%3)</translation>
    </message>
    <message>
        <location filename="../ui/profile/hotspots_view.cpp" line="220"/>
        <source>Tick GC, Profile or tracemalloc in Run Settings: after the timed runs, an instrumented run shows here where the time goes.</source>
        <translation>GC, Profil oder tracemalloc in den Laufeinstellungen ankreuzen: nach den gemessenen Läufen zeigt hier ein instrumentierter Lauf, wohin die Zeit geht.</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::MachineIndicator</name>
    <message>
        <location filename="../ui/run/machine_indicator.cpp" line="207"/>
        <location filename="../ui/run/machine_indicator.cpp" line="213"/>
        <source>Machine: quiet</source>
        <translation>Maschine: ruhig</translation>
    </message>
    <message>
        <location filename="../ui/run/machine_indicator.cpp" line="209"/>
        <source>Machine: unusable</source>
        <translation>Maschine: unbrauchbar</translation>
    </message>
    <message>
        <location filename="../ui/run/machine_indicator.cpp" line="214"/>
        <source>Machine: may be noisy</source>
        <translation>Maschine: vielleicht unruhig</translation>
    </message>
    <message>
        <location filename="../ui/run/machine_indicator.cpp" line="208"/>
        <location filename="../ui/run/machine_indicator.cpp" line="215"/>
        <source>Machine: noisy</source>
        <translation>Maschine: unruhig</translation>
    </message>
    <message>
        <location filename="../ui/run/machine_indicator.cpp" line="217"/>
        <source>Nothing busy now (load, pressure, swap, steal); click for the checks and the doctor</source>
        <translation>Gerade nichts beschäftigt (Last, Druck, Auslagerung, Steal); klicken für die Prüfungen und den Doktor</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::MainWindow</name>
    <message>
        <location filename="../ui/window/main_window.cpp" line="81"/>
        <source>Pyrometer</source>
        <translation>Pyrometer</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="123"/>
        <source>&amp;Add Scripts…</source>
        <translation>Skripte &amp;hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="123"/>
        <source>Add Python scripts to benchmark</source>
        <translation>Python-Skripte zum Messen hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="125"/>
        <source>Add &amp;Folder…</source>
        <translation>&amp;Ordner hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="126"/>
        <source>Add every benchmark file (bench_*.py, *_bench.py) of a folder and its subfolders</source>
        <translation>Alle Benchmark-Dateien (bench_*.py, *_bench.py) eines Ordners und seiner Unterordner hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="128"/>
        <source>Add &amp;Command…</source>
        <translation>&amp;Befehl hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="129"/>
        <source>Add any command to benchmark</source>
        <translation>Einen beliebigen Befehl zum Messen hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="130"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="130"/>
        <source>Remove the selected benchmarks</source>
        <translation>Die ausgewählten Benchmarks entfernen</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="132"/>
        <location filename="../ui/window/main_window.cpp" line="180"/>
        <source>&amp;Run</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="132"/>
        <source>Run every benchmark</source>
        <translation>Alle Benchmarks ausführen</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="133"/>
        <source>&amp;Stop</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="134"/>
        <source>Stop the run at once, keeping what was measured</source>
        <translation>Den Lauf sofort anhalten; Gemessenes bleibt erhalten</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="135"/>
        <source>&amp;Pin as Baseline</source>
        <translation>Als Basis an&amp;heften</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="136"/>
        <source>Compare the next run with the results shown now</source>
        <translation>Den nächsten Lauf mit den jetzt gezeigten Ergebnissen vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="138"/>
        <source>&amp;Open Results…</source>
        <translation>Ergebnisse ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="138"/>
        <source>Open a results file (JSON)</source>
        <translation>Eine Ergebnisdatei (JSON) öffnen</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="139"/>
        <source>&amp;Export Results…</source>
        <translation>Ergebnisse e&amp;xportieren…</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="140"/>
        <source>Export results as JSON, CSV, Markdown or an HTML report</source>
        <translation>Ergebnisse als JSON, CSV, Markdown oder HTML-Bericht exportieren</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="141"/>
        <source>Export Re&amp;port…</source>
        <translation>&amp;Bericht exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="142"/>
        <source>A self-contained HTML page: findings, summary, every chart, the environment</source>
        <translation>Eine eigenständige HTML-Seite: Befunde, Übersicht, alle Diagramme, die Umgebung</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="144"/>
        <source>Open &amp;Workbench…</source>
        <translation>&amp;Arbeitsplatz öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="145"/>
        <source>Open a saved set of benchmarks and settings</source>
        <translation>Gespeicherte Benchmarks und Einstellungen öffnen</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="147"/>
        <source>&amp;Save Workbench…</source>
        <translation>Arbeitsplatz &amp;speichern…</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="147"/>
        <source>Save the benchmarks and settings</source>
        <translation>Benchmarks und Einstellungen speichern</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="152"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="158"/>
        <source>Add Recent &amp;Script</source>
        <translation>Zuletzt verwendetes &amp;Skript hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="160"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="163"/>
        <source>Export &amp;Chart</source>
        <translation>&amp;Diagramm exportieren</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="165"/>
        <source>Histogram…</source>
        <translation>Histogramm…</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="165"/>
        <source>Time Series…</source>
        <translation>Zeitreihe…</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="165"/>
        <source>Box Plot…</source>
        <translation>Boxplot…</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="166"/>
        <source>Memory…</source>
        <translation>Speicher…</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="166"/>
        <source>Scaling…</source>
        <translation>Skalierung…</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="173"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="186"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="187"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="188"/>
        <source>&amp;About Pyrometer</source>
        <translation>Ü&amp;ber Pyrometer</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="190"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="213"/>
        <source>Double-click a cell to edit it; drop scripts, benchmark files or folders here to add them; tick the functions and sizes to run</source>
        <translation>Doppelklick auf eine Zelle bearbeitet sie; Skripte, Benchmark-Dateien oder Ordner hierher ziehen, um sie hinzuzufügen; die auszuführenden Funktionen und Größen anhaken</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="229"/>
        <source>Benchmarks</source>
        <translation>Benchmarks</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="244"/>
        <source>Run Settings</source>
        <translation>Laufeinstellungen</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="269"/>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="273"/>
        <source>Scaling</source>
        <translation>Skalierung</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="274"/>
        <source>Hotspots</source>
        <translation>Hotspots</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="283"/>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="289"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="297"/>
        <source>Comparing %1 with %2 from the history</source>
        <translation>Vergleich von %1 mit %2 aus dem Verlauf</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="301"/>
        <source>Saved to the history as run set %1 in %2</source>
        <translation>Im Verlauf gespeichert als Laufsatz %1 in %2</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="305"/>
        <source>Not saved to the history: %1</source>
        <translation>Nicht im Verlauf gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="314"/>
        <source>Showing %1 from the history</source>
        <translation>%1 aus dem Verlauf wird gezeigt</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="332"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="349"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="362"/>
        <source>Every run, warmups and failures too; click one to see its details</source>
        <translation>Jeder Lauf, auch Aufwärm- und fehlgeschlagene Läufe; ein Klick zeigt Details</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="367"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="376"/>
        <source>Click a run in the time series or the Runs table to see its details</source>
        <translation>Einen Lauf in der Zeitreihe oder der Lauftabelle anklicken, um Details zu sehen</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="378"/>
        <source>Run Details</source>
        <translation>Laufdetails</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="389"/>
        <source>What the runs show beyond their figures (warm-up, drift, noise, two clusters, start-up, garbage collection, memory growth, a hotspot) appears here</source>
        <translation>Was die Läufe über ihre Zahlen hinaus zeigen (Aufwärmen, Drift, Rauschen, zwei Gruppen, Startzeit, Garbage Collection, Speicherwachstum, ein Hotspot), erscheint hier</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="391"/>
        <location filename="../ui/window/main_window.cpp" line="424"/>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="400"/>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="424"/>
        <source>Findings (%1)</source>
        <translation>Befunde (%1)</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="429"/>
        <source>Add scripts, then press Run</source>
        <translation>Skripte hinzufügen, dann auf Starten drücken</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="450"/>
        <location filename="../ui/window/main_window_run.cpp" line="57"/>
        <source>Nothing was started: %1</source>
        <translation>Nichts wurde gestartet: %1</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_run.cpp" line="53"/>
        <source>Add a script or a command first</source>
        <translation>Zuerst ein Skript oder einen Befehl hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_run.cpp" line="62"/>
        <source>run of %1</source>
        <translation>Lauf von %1</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_run.cpp" line="68"/>
        <source>Checking the benchmarks…</source>
        <translation>Benchmarks werden geprüft…</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_run.cpp" line="77"/>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_run.cpp" line="87"/>
        <source>benchmark %1</source>
        <translation>Benchmark %1</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_run.cpp" line="89"/>
        <source>%1: %2 %3 of %4</source>
        <translation>%1: %2 %3 von %4</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_run.cpp" line="89"/>
        <source>warmup run</source>
        <translation>Aufwärmlauf</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_run.cpp" line="89"/>
        <source>run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_run.cpp" line="91"/>
        <source> — about %1 left</source>
        <translation> – noch etwa %1</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_run.cpp" line="126"/>
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_run.cpp" line="126"/>
        <source>Stopped; the runs measured so far are kept</source>
        <translation>Angehalten; die bisher gemessenen Läufe bleiben erhalten</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/window/main_window_run.cpp" line="128"/>
        <source> — %n benchmark(s) failed; see the Run Details</source>
        <translation>
            <numerusform> – %n Benchmark fehlgeschlagen; siehe Laufdetails</numerusform>
            <numerusform> – %n Benchmarks fehlgeschlagen; siehe Laufdetails</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_run.cpp" line="130"/>
        <source> — saved to %1</source>
        <translation> – gespeichert in %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/window/main_window_benchmarks.cpp" line="42"/>
        <source>Looking for benchmark functions in %n file(s) or folder(s)…</source>
        <translation>
            <numerusform>Suche Benchmark-Funktionen in %n Datei oder Ordner…</numerusform>
            <numerusform>Suche Benchmark-Funktionen in %n Dateien oder Ordnern…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/window/main_window_benchmarks.cpp" line="44"/>
        <location filename="../ui/window/main_window_benchmarks.cpp" line="73"/>
        <source>%n script(s) added</source>
        <translation>
            <numerusform>%n Skript hinzugefügt</numerusform>
            <numerusform>%n Skripte hinzugefügt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_benchmarks.cpp" line="68"/>
        <source>%1: %2 function(s), %3 benchmark(s)</source>
        <translation>%1: %2 Funktion(en), %3 Benchmark(s)</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_benchmarks.cpp" line="77"/>
        <source>Cannot add %1</source>
        <translation>%1 kann nicht hinzugefügt werden</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_benchmarks.cpp" line="91"/>
        <source>(none yet)</source>
        <translation>(noch keine)</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_benchmarks.cpp" line="97"/>
        <source>Add Scripts</source>
        <translation>Skripte hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_benchmarks.cpp" line="97"/>
        <source>Python scripts and benchmark files (*.py);;All files (*)</source>
        <translation>Python-Skripte und Benchmark-Dateien (*.py);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_benchmarks.cpp" line="103"/>
        <source>Add Folder of Benchmark Files</source>
        <translation>Ordner mit Benchmark-Dateien hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_benchmarks.cpp" line="112"/>
        <source>Add Command</source>
        <translation>Befehl hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_benchmarks.cpp" line="112"/>
        <source>Command line (any program, with its arguments):</source>
        <translation>Befehlszeile (ein beliebiges Programm mit Argumenten):</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="466"/>
        <source>About Pyrometer</source>
        <translation>Über Pyrometer</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="467"/>
        <source>&lt;h3&gt;Pyrometer %1&lt;/h3&gt;&lt;p&gt;A workbench for benchmarking Python scripts: every run in a fresh process, measured precisely, summarised with robust statistics.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Pyrometer %1&lt;/h3&gt;&lt;p&gt;Ein Arbeitsplatz zum Messen von Python-Skripten: jeder Lauf in einem frischen Prozess, genau gemessen, mit robuster Statistik zusammengefasst.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="470"/>
        <source>&lt;p&gt;Free software under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Freie Software unter der GNU General Public License, Version 3 oder später.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="506"/>
        <source>Stop the run?</source>
        <translation>Lauf anhalten?</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window.cpp" line="507"/>
        <source>A benchmark is running. Stop it and close? The runs measured so far are saved.</source>
        <translation>Ein Benchmark läuft. Anhalten und schließen? Die bisher gemessenen Läufe werden gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_files.cpp" line="55"/>
        <source>%1 — Pyrometer</source>
        <translation>%1 – Pyrometer</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_files.cpp" line="57"/>
        <location filename="../ui/window/main_window_files.cpp" line="168"/>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_files.cpp" line="39"/>
        <source>Cannot open results</source>
        <translation>Ergebnisse können nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_files.cpp" line="58"/>
        <source>Opened %1 — %2</source>
        <translation>%1 geöffnet — %2</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_files.cpp" line="77"/>
        <source>Open Results</source>
        <translation>Ergebnisse öffnen</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_files.cpp" line="77"/>
        <source>Pyrometer results (*.json);;All files (*)</source>
        <translation>Pyrometer-Ergebnisse (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_files.cpp" line="86"/>
        <location filename="../ui/window/main_window_files.cpp" line="111"/>
        <source>Nothing to export yet</source>
        <translation>Noch nichts zu exportieren</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_files.cpp" line="114"/>
        <source>HTML report with charts (*.html)</source>
        <translation>HTML-Bericht mit Diagrammen (*.html)</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_files.cpp" line="116"/>
        <source>Export Results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_files.cpp" line="117"/>
        <source>JSON (*.json);;CSV, one row per run (*.csv);;Markdown summary (*.md)</source>
        <translation>JSON (*.json);;CSV, eine Zeile je Lauf (*.csv);;Markdown-Zusammenfassung (*.md)</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_files.cpp" line="129"/>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_files.cpp" line="131"/>
        <source>Cannot export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_files.cpp" line="141"/>
        <source>Save Workbench</source>
        <translation>Arbeitsplatz speichern</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_files.cpp" line="141"/>
        <location filename="../ui/window/main_window_files.cpp" line="154"/>
        <source>Pyrometer workbench (*.json)</source>
        <translation>Pyrometer-Arbeitsplatz (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_files.cpp" line="146"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_files.cpp" line="148"/>
        <source>Cannot save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_files.cpp" line="154"/>
        <source>Open Workbench</source>
        <translation>Arbeitsplatz öffnen</translation>
    </message>
    <message>
        <location filename="../ui/window/main_window_files.cpp" line="160"/>
        <source>Cannot open workbench</source>
        <translation>Arbeitsplatz kann nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::MemoryPanel</name>
    <message>
        <location filename="../ui/profile/memory_panel.cpp" line="51"/>
        <location filename="../ui/profile/memory_panel.cpp" line="264"/>
        <source>RSS over time</source>
        <translation>RSS über die Zeit</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_panel.cpp" line="54"/>
        <source>One run per benchmark</source>
        <translation>Ein Lauf je Benchmark</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_panel.cpp" line="54"/>
        <source>Every run</source>
        <translation>Jeder Lauf</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_panel.cpp" line="54"/>
        <source>RSS − heap</source>
        <translation>RSS − Heap</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_panel.cpp" line="60"/>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_panel.cpp" line="105"/>
        <source>instrumented run</source>
        <translation>instrumentierter Lauf</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_panel.cpp" line="125"/>
        <source>RSS over time: no samples (set a memory timeline rate in Run Settings)</source>
        <translation>RSS über die Zeit: keine Messpunkte (Rate der Speicherzeitleiste in den Laufeinstellungen setzen)</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_panel.cpp" line="142"/>
        <location filename="../ui/profile/memory_panel.cpp" line="313"/>
        <source>Time since start (s)</source>
        <translation>Zeit seit Start (s)</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_panel.cpp" line="240"/>
        <source>GC pause</source>
        <translation>GC-Pause</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_panel.cpp" line="251"/>
        <source> (heap in use)</source>
        <translation> (belegter Heap)</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_panel.cpp" line="314"/>
        <source>RSS − heap in use (% of RSS)</source>
        <translation>RSS − belegter Heap (% des RSS)</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_panel.cpp" line="351"/>
        <source>RSS − heap in use: the allocator&apos;s free memory and fragmentation, the runtime&apos;s own</source>
        <translation>RSS − belegter Heap: freier Speicher und Fragmentierung des Allokators, der Laufzeitumgebung eigener</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_panel.cpp" line="352"/>
        <source>RSS − heap: no heap counted (tick GC, and Live heap for Python, in Run Settings)</source>
        <translation>RSS − Heap: kein Heap gezählt (GC und für Python Lebender Heap in den Laufeinstellungen ankreuzen)</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_panel.cpp" line="255"/>
        <source>RSS (MiB)</source>
        <translation>RSS (MiB)</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_panel.cpp" line="54"/>
        <source>A chart per benchmark</source>
        <translation>Ein Diagramm je Benchmark</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_panel.cpp" line="56"/>
        <source>One run per benchmark (the instrumented one, with its heap and garbage collections, when there is one), every measured run overlaid, the share of RSS that is not heap in use (the allocator&apos;s free memory and fragmentation, the runtime&apos;s own), or one run per benchmark in a small chart each, all on the same axes</source>
        <translation>Ein Lauf je Benchmark (der instrumentierte mit Heap und Speicherbereinigungen, wenn es ihn gibt), alle gemessenen Läufe übereinander, der Anteil am RSS, der kein belegter Heap ist (freier Speicher und Fragmentierung des Allokators, der Laufzeitumgebung eigener), oder ein Lauf je Benchmark in je einem kleinen Diagramm, alle mit denselben Achsen</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_panel.cpp" line="255"/>
        <source>Memory (MiB)</source>
        <translation>Speicher (MiB)</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_panel.cpp" line="264"/>
        <source>RSS and heap (dashed)</source>
        <translation>RSS und Heap (gestrichelt)</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_panel.cpp" line="266"/>
        <source>%1 — %2 GCs, %3 paused</source>
        <translation>%1 – %2 GCs, %3 pausiert</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_panel.cpp" line="271"/>
        <source>Garbage collections by generation (0/1/2): %1/%2/%3</source>
        <translation>Speicherbereinigungen je Generation (0/1/2): %1/%2/%3</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_panel.cpp" line="240"/>
        <source>gen %1</source>
        <translation>Gen. %1</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::MemoryTotals</name>
    <message>
        <location filename="../ui/profile/memory_totals.cpp" line="16"/>
        <source>Benchmark</source>
        <translation>Benchmark</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_totals.cpp" line="16"/>
        <source>Runtime</source>
        <translation>Laufzeitumgebung</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_totals.cpp" line="16"/>
        <source>Peak RSS</source>
        <translation>Max. RSS</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_totals.cpp" line="16"/>
        <source>Peak live heap</source>
        <translation>Max. lebender Heap</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_totals.cpp" line="17"/>
        <source>RSS − heap: mean (at peak RSS)</source>
        <translation>RSS − Heap: Mittel (bei max. RSS)</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_totals.cpp" line="17"/>
        <source>GCs</source>
        <translation>GCs</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_totals.cpp" line="17"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_totals.cpp" line="17"/>
        <source>Longest pause</source>
        <translation>Längste Pause</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_totals.cpp" line="17"/>
        <source>Allocations (per s)</source>
        <translation>Allokationen (je s)</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_totals.cpp" line="18"/>
        <source>Allocated per s</source>
        <translation>Alloziert je s</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_totals.cpp" line="18"/>
        <source>Live heap from</source>
        <translation>Lebender Heap aus</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_totals.cpp" line="24"/>
        <source>RSS − heap in use as a share of RSS: averaged over the run, and when RSS peaked. The allocator&apos;s free memory and fragmentation, the runtime&apos;s own structures, code and stacks</source>
        <translation>RSS − belegter Heap als Anteil am RSS: gemittelt über den Lauf und beim höchsten RSS. Freier Speicher und Fragmentierung des Allokators, Strukturen, Code und Stacks der Laufzeitumgebung</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_totals.cpp" line="27"/>
        <source>Counted by the heap shim; from a collector&apos;s trace, the heap&apos;s growth between collections summed, over the run&apos;s wall time</source>
        <translation>Vom Heap-Shim gezählt; aus dem Trace eines Collectors das Wachstum des Heaps zwischen den Bereinigungen, summiert, über die Laufzeit des Laufs</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_totals.cpp" line="29"/>
        <source>The memory of each benchmark&apos;s instrumented run (GC, Live heap in Run Settings), else of its first sampled run</source>
        <translation>Der Speicher des instrumentierten Laufs jedes Benchmarks (GC, Lebender Heap in den Laufeinstellungen), sonst seines ersten abgetasteten Laufs</translation>
    </message>
    <message>
        <location filename="../ui/profile/memory_totals.cpp" line="57"/>
        <source>Collections: %1</source>
        <translation>Bereinigungen: %1</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::PairDialog</name>
    <message>
        <location filename="../ui/compare/pair_dialog.cpp" line="29"/>
        <source>Pair by Hand</source>
        <translation>Von Hand paaren</translation>
    </message>
    <message>
        <location filename="../ui/compare/pair_dialog.cpp" line="31"/>
        <source>Compare two benchmarks of the same run. When the run interleaved them, their runs are compared in pairs, which cancels the machine&apos;s drift.</source>
        <translation>Zwei Benchmarks desselben Laufs vergleichen. Hat der Lauf sie verschränkt, werden ihre Läufe paarweise verglichen, was die Drift der Maschine aufhebt.</translation>
    </message>
    <message>
        <location filename="../ui/compare/pair_dialog.cpp" line="33"/>
        <source>Compare a benchmark of the baseline with one of the candidate, whatever their names. A pair made before with either is undone.</source>
        <translation>Einen Benchmark der Basis mit einem des Kandidaten vergleichen, gleich wie sie heißen. Ein früheres Paar mit einem der beiden wird aufgelöst.</translation>
    </message>
    <message>
        <location filename="../ui/compare/pair_dialog.cpp" line="37"/>
        <source>Baseline (old):</source>
        <translation>Basis (alt):</translation>
    </message>
    <message>
        <location filename="../ui/compare/pair_dialog.cpp" line="37"/>
        <source>Baseline:</source>
        <translation>Basis:</translation>
    </message>
    <message>
        <location filename="../ui/compare/pair_dialog.cpp" line="38"/>
        <source>Candidate (new):</source>
        <translation>Kandidat (neu):</translation>
    </message>
    <message>
        <location filename="../ui/compare/pair_dialog.cpp" line="38"/>
        <source>Candidate:</source>
        <translation>Kandidat:</translation>
    </message>
    <message>
        <location filename="../ui/compare/pair_dialog.cpp" line="66"/>
        <source>A benchmark compared with itself shows no change</source>
        <translation>Ein Benchmark mit sich selbst verglichen zeigt keine Änderung</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::PairedBoxPanel</name>
    <message>
        <location filename="../ui/compare/comparison_charts.cpp" line="190"/>
        <location filename="../ui/compare/comparison_charts.cpp" line="215"/>
        <source>Wall time per benchmark, both sides</source>
        <translation>Laufzeit je Benchmark, beide Seiten</translation>
    </message>
    <message>
        <location filename="../ui/compare/comparison_charts.cpp" line="214"/>
        <source>Wall time: the %1 largest changes of %2</source>
        <translation>Laufzeit: die %1 größten Änderungen von %2</translation>
    </message>
    <message>
        <location filename="../ui/compare/comparison_charts.cpp" line="260"/>
        <source>baseline</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../ui/compare/comparison_charts.cpp" line="260"/>
        <source>candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <location filename="../ui/compare/comparison_charts.cpp" line="281"/>
        <source>median %1, quartiles %2 … %3</source>
        <translation>Median %1, Quartile %2 … %3</translation>
    </message>
    <message>
        <location filename="../ui/compare/comparison_charts.cpp" line="284"/>
        <source>%1
baseline: %2
candidate: %3
(change from the baseline&apos;s median)</source>
        <translation>%1
Basis: %2
Kandidat: %3
(Änderung gegenüber dem Median der Basis)</translation>
    </message>
    <message>
        <location filename="../ui/compare/comparison_charts.cpp" line="256"/>
        <source>vs baseline median (%)</source>
        <translation>ggü. Median der Basis (%)</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::RunDetails</name>
    <message>
        <location filename="../ui/results/run_details.cpp" line="18"/>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <location filename="../ui/results/run_details.cpp" line="18"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../ui/results/run_details.cpp" line="30"/>
        <source>Wall</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <location filename="../ui/results/run_details.cpp" line="20"/>
        <source>not available (not in the file)</source>
        <translation>nicht verfügbar (nicht in der Datei)</translation>
    </message>
    <message>
        <location filename="../ui/results/run_details.cpp" line="25"/>
        <source>Per call</source>
        <translation>Je Aufruf</translation>
    </message>
    <message>
        <location filename="../ui/results/run_details.cpp" line="26"/>
        <source>%1 (a value of %2 calls: %3)</source>
        <translation>%1 (ein Wert aus %2 Aufrufen: %3)</translation>
    </message>
    <message>
        <location filename="../ui/results/run_details.cpp" line="28"/>
        <location filename="../ui/results/run_details.cpp" line="32"/>
        <source>CPU time</source>
        <translation>CPU-Zeit</translation>
    </message>
    <message>
        <location filename="../ui/results/run_details.cpp" line="28"/>
        <source>not per call (the worker&apos;s covers its import and setup too)</source>
        <translation>nicht je Aufruf (die des Workers umfasst auch Import und Setup)</translation>
    </message>
    <message>
        <location filename="../ui/results/run_details.cpp" line="32"/>
        <source>%1 (user + system, not split in the file)</source>
        <translation>%1 (Benutzer + System, in der Datei nicht getrennt)</translation>
    </message>
    <message>
        <location filename="../ui/results/run_details.cpp" line="34"/>
        <source>User/sys</source>
        <translation>Benutzer/System</translation>
    </message>
    <message>
        <location filename="../ui/results/run_details.cpp" line="37"/>
        <source>Peak RSS</source>
        <translation>Max. RSS</translation>
    </message>
    <message>
        <location filename="../ui/results/run_details.cpp" line="37"/>
        <source>Peak RSS (the worker&apos;s)</source>
        <translation>Max. RSS (des Workers)</translation>
    </message>
    <message>
        <location filename="../ui/results/run_details.cpp" line="40"/>
        <source>not per call</source>
        <translation>nicht je Aufruf</translation>
    </message>
    <message>
        <location filename="../ui/results/run_details.cpp" line="42"/>
        <source>Faults</source>
        <translation>Seitenfehler</translation>
    </message>
    <message>
        <location filename="../ui/results/run_details.cpp" line="42"/>
        <source>%1 minor, %2 major</source>
        <translation>%1 leichte, %2 schwere</translation>
    </message>
    <message>
        <location filename="../ui/results/run_details.cpp" line="44"/>
        <source>Switches</source>
        <translation>Kontextwechsel</translation>
    </message>
    <message>
        <location filename="../ui/results/run_details.cpp" line="44"/>
        <source>%1 voluntary, %2 involuntary</source>
        <translation>%1 freiwillige, %2 erzwungene</translation>
    </message>
    <message>
        <location filename="../ui/results/run_details.cpp" line="40"/>
        <location filename="../ui/results/run_details.cpp" line="46"/>
        <source>Faults, switches</source>
        <translation>Seitenfehler, Kontextwechsel</translation>
    </message>
    <message>
        <location filename="../ui/results/run_details.cpp" line="48"/>
        <source>Hash seed</source>
        <translation>Hash-Seed</translation>
    </message>
    <message>
        <location filename="../ui/results/run_details.cpp" line="49"/>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location filename="../ui/results/run_details.cpp" line="49"/>
        <source>%1 bytes on stdout, %2 on stderr</source>
        <translation>%1 Bytes auf stdout, %2 auf stderr</translation>
    </message>
    <message>
        <location filename="../ui/results/run_details.cpp" line="48"/>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <location filename="../ui/results/run_details.cpp" line="58"/>
        <source>
— end of stderr —
</source>
        <translation>
– Ende von stderr –
</translation>
    </message>
    <message>
        <location filename="../ui/results/run_details.cpp" line="60"/>
        <source>
— end of stdout —
</source>
        <translation>
– Ende von stdout –
</translation>
    </message>
    <message>
        <location filename="../ui/results/run_details.h" line="18"/>
        <source>n/a</source>
        <translation>n. v.</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::RunSettingsWidget</name>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="35"/>
        <source>Go on after failures</source>
        <translation>Bei Fehlern weiter</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="37"/>
        <source>GC</source>
        <translation>GC</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="38"/>
        <source>Live heap</source>
        <translation>Lebender Heap</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="39"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="40"/>
        <source>tracemalloc</source>
        <translation>tracemalloc</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="43"/>
        <source>GC off while timing</source>
        <translation>GC beim Messen aus</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="44"/>
        <source>Save to the history</source>
        <translation>Im Verlauf speichern</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="58"/>
        <source>Interpreter for scripts added from now on</source>
        <translation>Interpreter für ab jetzt hinzugefügte Skripte</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="65"/>
        <location filename="../ui/run/run_settings_widget.cpp" line="100"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="66"/>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="67"/>
        <source>random, per run</source>
        <translation>zufällig, je Lauf</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="67"/>
        <source>fixed</source>
        <translation>fest</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="69"/>
        <source>PYTHONHASHSEED: a fresh recorded seed per run, or one fixed seed for tight comparisons</source>
        <translation>PYTHONHASHSEED: ein neuer, aufgezeichneter Wert je Lauf oder ein fester Wert für enge Vergleiche</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="72"/>
        <source>interleaved (A B C A B C …)</source>
        <translation>verschränkt (A B C A B C …)</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="72"/>
        <source>sequential</source>
        <translation>nacheinander</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="80"/>
        <source> Hz</source>
        <translation> Hz</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="81"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="82"/>
        <source>Samples per second of each run&apos;s RSS, CPU use and threads</source>
        <translation>Messpunkte je Sekunde für RSS, CPU-Nutzung und Threads jedes Laufs</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="83"/>
        <source>A benchmark goes on after a failed run (as --ignore-failure): failed runs are kept but left out of the statistics</source>
        <translation>Ein Benchmark läuft nach einem fehlgeschlagenen Lauf weiter (wie --ignore-failure): fehlgeschlagene Läufe bleiben erhalten, zählen aber nicht in der Statistik</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="85"/>
        <source>An extra run after the timed ones records every garbage collection: CPython&apos;s, or the collector of Go, Java and Node.js; of a native program, its live heap</source>
        <translation>Ein zusätzlicher Lauf nach den gemessenen zeichnet jede Speicherbereinigung auf: die von CPython oder den Collector von Go, Java und Node.js; bei einem nativen Programm seinen lebenden Heap</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="87"/>
        <source>The run with GC counts a Python script&apos;s live heap too, with a preloaded allocator shim: the script then runs on the C library&apos;s malloc (PYTHONMALLOC=malloc), which slows it and its collections</source>
        <translation>Der Lauf mit GC zählt auch den lebenden Heap eines Python-Skripts, mit einem vorgeladenen Allokator-Shim: das Skript läuft dann auf dem malloc der C-Bibliothek (PYTHONMALLOC=malloc), was es und seine Bereinigungen verlangsamt</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="90"/>
        <source>An extra run after the timed ones profiles every function (cProfile)</source>
        <translation>Ein zusätzlicher Lauf nach den gemessenen profiliert jede Funktion (cProfile)</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="92"/>
        <source>An extra run traces allocations; it slows the script, so it is not the profiled run</source>
        <translation>Ein zusätzlicher Lauf verfolgt Allokationen; er verlangsamt das Skript und ist daher nicht der profilierte Lauf</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="95"/>
        <source>Sizes for benchmark functions that take one and have no params: numbers or small (100), medium (10,000), large (1,000,000), xlarge (10,000,000), comma-separated</source>
        <translation>Größen für Benchmark-Funktionen, die eine Größe nehmen und keine params haben: Zahlen oder small (100), medium (10.000), large (1.000.000), xlarge (10.000.000), durch Kommas getrennt</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="101"/>
        <source>A benchmark function is called in a loop of as many calls as make one value last this long (calibrated by the first run, then the same in every run)</source>
        <translation>Eine Benchmark-Funktion wird in einer Schleife mit so vielen Aufrufen gerufen, dass ein Wert so lange dauert (vom ersten Lauf kalibriert, dann in jedem Lauf gleich)</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="103"/>
        <source>The garbage collector off while a function is timed, as timeit has it (default: on, as users run it)</source>
        <translation>Die Speicherbereinigung aus, während eine Funktion gemessen wird, wie bei timeit (Standard: an, wie Nutzer sie ausführen)</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="111"/>
        <source>Keep each run&apos;s results in the history store when it ends, for the History tab and pyrometer history (the store: $PYROMETER_STORE, else history.sqlite beside the saved runs)</source>
        <translation>Die Ergebnisse jedes Laufs an seinem Ende im Verlaufsspeicher aufbewahren, für den Reiter Verlauf und pyrometer history (der Speicher: $PYROMETER_STORE, sonst history.sqlite neben den gespeicherten Läufen)</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="117"/>
        <source>±</source>
        <translation>±</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="118"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="119"/>
        <source>off: the runs above</source>
        <translation>aus: die Läufe oben</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="120"/>
        <source>Run on until the 95% interval of each median lies within ± this much of it (as --precision): Runs is then the least, Most runs the cap</source>
        <translation>Weiterlaufen, bis das 95-%-Intervall jedes Medians innerhalb von ± so viel um ihn liegt (wie --precision): Läufe ist dann das Mindeste, Höchstens Läufe die Obergrenze</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="125"/>
        <source>With a precision, the runs stop here even when it is not reached (as --max-runs)</source>
        <translation>Mit einer Genauigkeit enden die Läufe hier, auch wenn sie nicht erreicht ist (wie --max-runs)</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="130"/>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="131"/>
        <source>Pin every run to these CPUs, as 0-3,8 (as --cpu): a run then never moves between CPUs, and other work can be kept off them</source>
        <translation>Jeden Lauf an diese CPUs binden, etwa 0-3,8 (wie --cpu): ein Lauf wechselt dann nie die CPU, und andere Arbeit lässt sich von ihnen fernhalten</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="136"/>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="137"/>
        <source>Start every run at this niceness, -20 (first) to 19 (last), as --nice; below 0 needs root</source>
        <translation>Jeden Lauf mit diesem Nice-Wert starten, -20 (zuerst) bis 19 (zuletzt), wie --nice; unter 0 braucht root</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="153"/>
        <location filename="../ui/run/run_settings_widget.cpp" line="156"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="157"/>
        <source>Browse… — choose an interpreter anywhere on this machine</source>
        <translation>Durchsuchen… — einen beliebigen Interpreter auf diesem Rechner wählen</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="159"/>
        <source>Choose Interpreter</source>
        <translation>Interpreter wählen</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="170"/>
        <source>Interpreter:</source>
        <translation>Interpreter:</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="171"/>
        <source>Runs:</source>
        <translation>Läufe:</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="172"/>
        <source>Precision:</source>
        <translation>Genauigkeit:</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="173"/>
        <source>Most runs:</source>
        <translation>Höchstens Läufe:</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="174"/>
        <source>Warmup runs:</source>
        <translation>Aufwärmläufe:</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="175"/>
        <source>Timeout per run:</source>
        <translation>Zeitlimit je Lauf:</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="176"/>
        <source>Hash seed:</source>
        <translation>Hash-Seed:</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="177"/>
        <source>Fixed seed:</source>
        <translation>Fester Seed:</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="178"/>
        <source>Order:</source>
        <translation>Reihenfolge:</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="179"/>
        <source>CPUs:</source>
        <translation>CPUs:</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="180"/>
        <source>Niceness:</source>
        <translation>Nice-Wert:</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="182"/>
        <source>Memory timeline:</source>
        <translation>Speicherzeitleiste:</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="187"/>
        <source>Instrumented run:</source>
        <translation>Instrumentierter Lauf:</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="188"/>
        <source>Function sizes:</source>
        <translation>Funktionsgrößen:</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="189"/>
        <source>Time per value:</source>
        <translation>Zeit je Wert:</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="205"/>
        <source>Function sizes: %1</source>
        <translation>Funktionsgrößen: %1</translation>
    </message>
    <message>
        <location filename="../ui/run/run_settings_widget.cpp" line="267"/>
        <source>CPUs: &apos;%1&apos; is not a list of CPUs like 0-3,8</source>
        <translation>CPUs: „%1“ ist keine Liste von CPUs wie 0-3,8</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::RunsModel</name>
    <message>
        <location filename="../ui/results/runs_model.cpp" line="109"/>
        <source>warmup</source>
        <translation>Aufwärmen</translation>
    </message>
    <message>
        <location filename="../ui/results/runs_model.cpp" line="109"/>
        <source>measured</source>
        <translation>gemessen</translation>
    </message>
    <message>
        <location filename="../ui/results/runs_model.cpp" line="111"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location filename="../ui/results/runs_model.cpp" line="116"/>
        <source>%1 (user + sys)</source>
        <translation>%1 (Benutzer + System)</translation>
    </message>
    <message>
        <location filename="../ui/results/runs_model.cpp" line="136"/>
        <source>Benchmark</source>
        <translation>Benchmark</translation>
    </message>
    <message>
        <location filename="../ui/results/runs_model.cpp" line="138"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/results/runs_model.cpp" line="140"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/results/runs_model.cpp" line="142"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../ui/results/runs_model.cpp" line="144"/>
        <source>Wall</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <location filename="../ui/results/runs_model.cpp" line="146"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../ui/results/runs_model.cpp" line="148"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../ui/results/runs_model.cpp" line="150"/>
        <source>Peak RSS</source>
        <translation>Max. RSS</translation>
    </message>
    <message>
        <location filename="../ui/results/runs_model.cpp" line="152"/>
        <source>Hash seed</source>
        <translation>Hash-Seed</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::ScalingPanel</name>
    <message>
        <location filename="../ui/charts/scaling_panel.cpp" line="83"/>
        <location filename="../ui/charts/scaling_panel.cpp" line="350"/>
        <source>Median against size, log–log</source>
        <translation>Median über der Größe, log–log</translation>
    </message>
    <message>
        <location filename="../ui/charts/scaling_panel.cpp" line="91"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/charts/scaling_panel.cpp" line="91"/>
        <source>Peak memory</source>
        <translation>Max. Speicher</translation>
    </message>
    <message>
        <location filename="../ui/charts/scaling_panel.cpp" line="92"/>
        <source>Time per call (per run for scripts and commands), or the peak memory of each run&apos;s process: its slope is the bytes per element</source>
        <translation>Zeit je Aufruf (je Lauf bei Skripten und Befehlen) oder der maximale Speicher des Prozesses jedes Laufs: seine Steigung sind die Bytes je Element</translation>
    </message>
    <message>
        <location filename="../ui/charts/scaling_panel.cpp" line="95"/>
        <source>size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/charts/scaling_panel.cpp" line="96"/>
        <source>What each fitted class predicts at this size, with a 95% interval from a bootstrap over the runs: a number (10000000, 1e7) or small, medium, large, xlarge</source>
        <translation>Was jede angepasste Klasse bei dieser Größe vorhersagt, mit einem 95-%-Intervall aus einem Bootstrap über die Läufe: eine Zahl (10000000, 1e7) oder small, medium, large, xlarge</translation>
    </message>
    <message>
        <location filename="../ui/charts/scaling_panel.cpp" line="101"/>
        <source>Predict at:</source>
        <translation>Vorhersage bei:</translation>
    </message>
    <message>
        <location filename="../ui/charts/scaling_panel.cpp" line="155"/>
        <source>Predict at: “%1” is not a size (a number above 0, or small, medium, large, xlarge)</source>
        <translation>Vorhersage bei: „%1“ ist keine Größe (eine Zahl über 0 oder small, medium, large, xlarge)</translation>
    </message>
    <message>
        <location filename="../ui/charts/scaling_panel.cpp" line="181"/>
        <source>%1: cannot tell the class</source>
        <translation>%1: Klasse nicht bestimmbar</translation>
    </message>
    <message>
        <location filename="../ui/charts/scaling_panel.cpp" line="188"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/charts/scaling_panel.cpp" line="216"/>
        <source>Scaling: no benchmark has a numeric parameter (a function&apos;s params or sizes, or a scan)</source>
        <translation>Skalierung: kein Benchmark hat einen numerischen Parameter (params oder Größen einer Funktion oder ein Scan)</translation>
    </message>
    <message>
        <location filename="../ui/charts/scaling_panel.cpp" line="217"/>
        <source>Scaling: no peak memory measured at two sizes or more</source>
        <translation>Skalierung: kein maximaler Speicher bei zwei oder mehr Größen gemessen</translation>
    </message>
    <message>
        <location filename="../ui/charts/scaling_panel.cpp" line="278"/>
        <source>Time per call or run (%1)</source>
        <translation>Zeit je Aufruf oder Lauf (%1)</translation>
    </message>
    <message>
        <location filename="../ui/charts/scaling_panel.cpp" line="279"/>
        <source>Time per call (%1)</source>
        <translation>Zeit je Aufruf (%1)</translation>
    </message>
    <message>
        <location filename="../ui/charts/scaling_panel.cpp" line="280"/>
        <source>Time per run (%1)</source>
        <translation>Zeit je Lauf (%1)</translation>
    </message>
    <message>
        <location filename="../ui/charts/scaling_panel.cpp" line="282"/>
        <source>Peak memory (%1)</source>
        <translation>Max. Speicher (%1)</translation>
    </message>
    <message>
        <location filename="../ui/charts/scaling_panel.cpp" line="334"/>
        <source>At %1: no prediction, no class was told</source>
        <translation>Bei %1: keine Vorhersage, keine Klasse bestimmt</translation>
    </message>
    <message>
        <location filename="../ui/charts/scaling_panel.cpp" line="335"/>
        <source>At %1: %2</source>
        <translation>Bei %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/charts/scaling_panel.cpp" line="328"/>
        <source>%1 %2 (%3 … %4)%5</source>
        <translation>%1 %2 (%3 … %4)%5</translation>
    </message>
    <message>
        <location filename="../ui/charts/scaling_panel.cpp" line="330"/>
        <source>, far outside the sizes measured</source>
        <translation>, weit außerhalb der gemessenen Größen</translation>
    </message>
    <message>
        <location filename="../ui/charts/scaling_panel.cpp" line="434"/>
        <source>%1
%2 = %3: median %4 (95% interval %5 … %6)</source>
        <translation>%1
%2 = %3: Median %4 (95-%-Intervall %5 … %6)</translation>
    </message>
    <message>
        <location filename="../ui/charts/scaling_panel.cpp" line="440"/>
        <source>Cannot tell the class: %1</source>
        <translation>Klasse nicht bestimmbar: %1</translation>
    </message>
    <message>
        <location filename="../ui/charts/scaling_panel.cpp" line="444"/>
        <source>%1
%2 at %3 = %4: %5</source>
        <translation>%1
%2 bei %3 = %4: %5</translation>
    </message>
    <message>
        <location filename="../ui/charts/scaling_panel.cpp" line="449"/>
        <source>%1
predicted at %2 = %3: %4 (95% interval %5 … %6, a bootstrap over the runs)%7</source>
        <translation>%1
Vorhersage bei %2 = %3: %4 (95-%-Intervall %5 … %6, ein Bootstrap über die Läufe)%7</translation>
    </message>
    <message>
        <location filename="../ui/charts/scaling_panel.cpp" line="451"/>
        <source>
far outside the sizes measured: it assumes the class holds there</source>
        <translation>
weit außerhalb der gemessenen Größen: setzt voraus, dass die Klasse dort gilt</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::SummaryModel</name>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="47"/>
        <source>%1 (stated)</source>
        <translation>%1 (angegeben)</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="51"/>
        <source>%1 (summary only)</source>
        <translation>%1 (nur Zusammenfassung)</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="51"/>
        <source>summary only</source>
        <translation>nur Zusammenfassung</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="89"/>
        <source>This benchmark stopped early; it is never the reference the others are measured against</source>
        <translation>Dieser Benchmark brach vorzeitig ab; er ist nie der Bezug, an dem die anderen gemessen werden</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="93"/>
        <source>Stopped: %1</source>
        <translation>Angehalten: %1</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="138"/>
        <source>%1 (+%2 failed)</source>
        <translation>%1 (+%2 fehlgeschlagen)</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="140"/>
        <source>no successful run</source>
        <translation>kein erfolgreicher Lauf</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="143"/>
        <source>too few runs</source>
        <translation>zu wenige Läufe</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="164"/>
        <source>%1 (user + sys)</source>
        <translation>%1 (Benutzer + System)</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="170"/>
        <source>%1 (mean, stated)</source>
        <translation>%1 (Mittel, angegeben)</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="177"/>
        <source>%1 (%2 severe)</source>
        <translation>%1 (%2 stark)</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="190"/>
        <location filename="../ui/results/summary_model.cpp" line="227"/>
        <source>Benchmark</source>
        <translation>Benchmark</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="192"/>
        <location filename="../ui/results/summary_model.cpp" line="227"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="194"/>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="196"/>
        <source>95% CI of median</source>
        <translation>95-%-KI des Medians</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="198"/>
        <source>Mean ± σ</source>
        <translation>Mittel ± σ</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="200"/>
        <source>CV</source>
        <translation>VK</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="202"/>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="204"/>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="206"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="208"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="210"/>
        <source>Peak RSS</source>
        <translation>Max. RSS</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="212"/>
        <location filename="../ui/results/summary_model.cpp" line="229"/>
        <source>Outliers</source>
        <translation>Ausreißer</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="214"/>
        <location filename="../ui/results/summary_model.cpp" line="230"/>
        <source>Relative</source>
        <translation>Relativ</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="227"/>
        <source>Failed runs</source>
        <translation>Fehlgeschlagene Läufe</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="227"/>
        <source>Median (s)</source>
        <translation>Median (s)</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="228"/>
        <source>Median CI low (s)</source>
        <translation>Median-KI unten (s)</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="228"/>
        <source>Median CI high (s)</source>
        <translation>Median-KI oben (s)</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="228"/>
        <source>Mean (s)</source>
        <translation>Mittelwert (s)</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="228"/>
        <source>Std dev (s)</source>
        <translation>Standardabweichung (s)</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="228"/>
        <source>CV (%)</source>
        <translation>VK (%)</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="229"/>
        <source>Min (s)</source>
        <translation>Min (s)</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="229"/>
        <source>Max (s)</source>
        <translation>Max (s)</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="229"/>
        <source>User (s)</source>
        <translation>Benutzer (s)</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="229"/>
        <source>System (s)</source>
        <translation>System (s)</translation>
    </message>
    <message>
        <location filename="../ui/results/summary_model.cpp" line="229"/>
        <source>Peak RSS (MiB)</source>
        <translation>Max. RSS (MiB)</translation>
    </message>
</context>
<context>
    <name>pyrometer::ui::TimeSeriesPanel</name>
    <message>
        <location filename="../ui/charts/time_series_panel.cpp" line="19"/>
        <source>Wall time per run</source>
        <translation>Laufzeit je Lauf</translation>
    </message>
    <message>
        <location filename="../ui/charts/time_series_panel.cpp" line="44"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/charts/time_series_panel.cpp" line="56"/>
        <source>Wall time (%1)</source>
        <translation>Laufzeit (%1)</translation>
    </message>
    <message>
        <location filename="../ui/charts/time_series_panel.cpp" line="113"/>
        <source>%1 (rolling median)</source>
        <translation>%1 (gleitender Median)</translation>
    </message>
    <message>
        <location filename="../ui/charts/time_series_panel.cpp" line="143"/>
        <source>%1
rolling median at run %2: %3</source>
        <translation>%1
gleitender Median bei Lauf %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/charts/time_series_panel.cpp" line="147"/>
        <source>%1
run %2: %3</source>
        <translation>%1
Lauf %2: %3</translation>
    </message>
</context>
</TS>
