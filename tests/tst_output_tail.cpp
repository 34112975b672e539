#include "core/measure/output_tail.h"

#include <QTest>

using namespace pyrometer;

class TestOutputTail : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepsTheLastBytesAndCountsAll()
    {
        OutputTail tail(8);
        for (int i = 0; i < 1000; ++i)
            tail.append("0123456789");
        QCOMPARE(tail.totalBytes(), std::uint64_t(10000));
        QCOMPARE(tail.text(), std::string("23456789"));
    }

    void aLargeWriteKeepsItsEnd()
    {
        OutputTail tail(4);
        tail.append("ab");
        tail.append("cdefgh");
        QCOMPARE(tail.text(), std::string("efgh"));
        QCOMPARE(tail.totalBytes(), std::uint64_t(8));
    }

    void aCutCharacterIsDropped()
    {
        // "ü" is C3 BC; keeping 3 bytes of "aüb" + "c" leaves BC 'b' 'c': the orphan continuation byte goes.
        OutputTail tail(3);
        tail.append("a\xC3\xBC"
                    "bc");
        QCOMPARE(tail.text(), std::string("bc"));
    }

    void invalidUtf8IsReplaced()
    {
        QCOMPARE(sanitizeUtf8("ok \xFF!"), std::string("ok \xEF\xBF\xBD!"));
        QCOMPARE(sanitizeUtf8("gr\xC3\xBC\xC3\x9F"
                              "e"),
            std::string("gr\xC3\xBC\xC3\x9F"
                        "e"));
        // An overlong encoding of '/' and a lone surrogate are invalid.
        QCOMPARE(sanitizeUtf8("\xC0\xAF"), std::string("\xEF\xBF\xBD\xEF\xBF\xBD"));
        QCOMPARE(sanitizeUtf8("\xED\xA0\x80"), std::string("\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"));
        QCOMPARE(sanitizeUtf8("\xF0\x9F\x94\xA5"), std::string("\xF0\x9F\x94\xA5"));
    }
};

QTEST_APPLESS_MAIN(TestOutputTail)
#include "tst_output_tail.moc"
