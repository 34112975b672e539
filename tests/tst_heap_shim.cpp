// The heap shim preloaded into a C program that allocates known amounts (tests/fixtures/known_allocations.c):
// the counters in the shared page follow each step.

#include "core/measure/heap_counters.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace {
constexpr std::int64_t MiB = 1 << 20;

/// The counters file, made and mapped as Pyrometer does before the run.
class Page
{
public:
    explicit Page(const QString& path)
    {
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0 || ::ftruncate(fd, sizeof(pyrometer_heap_counters)) != 0)
            qFatal("cannot make the counters file");
        m_page = static_cast<pyrometer_heap_counters*>(
            ::mmap(nullptr, sizeof(pyrometer_heap_counters), PROT_READ, MAP_SHARED, fd, 0));
        ::close(fd);
    }
    ~Page() { ::munmap(m_page, sizeof(pyrometer_heap_counters)); }
    std::int64_t live() const { return __atomic_load_n(&m_page->live_bytes, __ATOMIC_RELAXED); }
    std::int64_t allocations() const { return __atomic_load_n(&m_page->allocations, __ATOMIC_RELAXED); }
    std::int64_t frees() const { return __atomic_load_n(&m_page->frees, __ATOMIC_RELAXED); }
    std::int64_t peak() const { return __atomic_load_n(&m_page->peak_live_bytes, __ATOMIC_RELAXED); }
    bool mapped() const { return __atomic_load_n(&m_page->magic, __ATOMIC_ACQUIRE) == PYROMETER_HEAP_MAGIC; }

private:
    pyrometer_heap_counters* m_page = nullptr;
};

bool waitFor(QProcess& process, const QByteArray& line)
{
    while (process.canReadLine() || process.waitForReadyRead(10000)) {
        if (process.readLine().trimmed() == line)
            return true;
    }
    return false;
}
} // namespace

class TestHeapShim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsWhatTheProgramAllocates()
    {
        QTemporaryDir dir;
        const auto file = dir.filePath(QStringLiteral("heap"));
        Page page(file);
        QProcess process;
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("LD_PRELOAD"), QStringLiteral(PYROMETER_HEAP_SHIM));
        environment.insert(QStringLiteral(PYROMETER_HEAP_FILE_VARIABLE), file);
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(PYROMETER_KNOWN_ALLOCATIONS), {});
        QVERIFY(process.waitForStarted());
        process.write("\n");

        // Step 1: 10 blocks of 1 MiB, each a little more in usable size (glibc rounds to its chunk and mmap
        // threshold), with stdio's own buffer and the C library's start-up besides: 10 MiB and under 10.2 MiB.
        QVERIFY(waitFor(process, "ready 1"));
        QVERIFY(page.mapped());
        const auto afterBig = page.live();
        QVERIFY2(afterBig >= 10 * MiB && afterBig < 10 * MiB + 200 * 1024, qPrintable(QString::number(afterBig)));
        const auto allocationsBefore = page.allocations();
        QVERIFY(allocationsBefore >= 10);

        // Step 2: 1,000 blocks of 100 bytes (104 usable each, glibc's chunks of 112 bytes), and one of the 1 MiB
        // blocks grown to 2 MiB: about 1 MiB + 104,000 bytes more. 1,001 more allocations: the 1,000 and the
        // realloc (counted as a free and an allocation).
        process.write("\n");
        QVERIFY(waitFor(process, "ready 2"));
        const auto grown = page.live() - afterBig;
        QVERIFY2(grown >= MiB + 100'000 && grown < MiB + 130'000, qPrintable(QString::number(grown)));
        QCOMPARE(page.allocations() - allocationsBefore, std::int64_t(1001));
        QVERIFY(page.peak() >= page.live());

        // Step 3: all of it freed: back below where step 1 began (what stdio and start-up hold).
        const auto peak = page.live();
        process.write("\n");
        QVERIFY(waitFor(process, "ready 3"));
        QVERIFY2(page.live() < 64 * 1024, qPrintable(QString::number(page.live())));
        QVERIFY(page.frees() >= 1010);
        QCOMPARE(page.peak(), peak);
        process.write("\n");
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 0);
    }

    // Without the file, or with one that cannot be opened, the program runs as ever and nothing is counted there.
    void withoutItsFileTheProgramRunsAsEver()
    {
        QProcess process;
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("LD_PRELOAD"), QStringLiteral(PYROMETER_HEAP_SHIM));
        environment.insert(QStringLiteral(PYROMETER_HEAP_FILE_VARIABLE), QStringLiteral("/nonexistent/heap"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(PYROMETER_KNOWN_ALLOCATIONS), {});
        process.write("\n");
        for (const auto* line : { "ready 1", "ready 2", "ready 3" }) {
            QVERIFY(waitFor(process, line));
            process.write("\n");
        }
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHeapShim)
#include "tst_heap_shim.moc"
