#include "common/FrameDecoder.h"
#include "common/Framing.h"

#include <QCborArray>
#include <QTest>
#include <QtEndian>

using namespace ccr::common;

class TestFrameDecoder final : public QObject
{
    Q_OBJECT

private:
    static QByteArray header(quint32 length)
    {
        QByteArray bytes(4, Qt::Uninitialized);
        qToBigEndian<quint32>(length, bytes.data());
        return bytes;
    }

private Q_SLOTS:
    void roundTripsOneFrame()
    {
        const QCborMap message{{QLatin1String("id"), 7}, {QLatin1String("method"), QStringLiteral("hello")}};
        FrameDecoder decoder;
        decoder.append(Framing::encode(message));
        auto frame = decoder.next();
        QVERIFY(frame.ok());
        QVERIFY(frame.value().has_value());
        QCOMPARE(*frame.value(), message);
        auto none = decoder.next();
        QVERIFY(none.ok());
        QVERIFY(!none.value().has_value());
        QCOMPARE(decoder.bufferedBytes(), 0);
    }

    void headerIsBigEndianLength()
    {
        const QByteArray frame = Framing::encode(QCborMap{{QLatin1String("a"), 1}});
        QCOMPARE(qFromBigEndian<quint32>(frame.constData()), static_cast<quint32>(frame.size() - 4));
    }

    void reassemblesByteByByte()
    {
        const QCborMap first{{QLatin1String("n"), 1}, {QLatin1String("text"), QStringLiteral("äöü €")}};
        const QCborMap second{{QLatin1String("n"), 2}};
        const QByteArray stream = Framing::encode(first) + Framing::encode(second);
        FrameDecoder decoder;
        QList<QCborMap> frames;
        for (const char byte : stream) {
            decoder.append(QByteArray(1, byte));
            while (true) {
                auto frame = decoder.next();
                QVERIFY(frame.ok());
                if (!frame.value())
                    break;
                frames.append(*frame.value());
            }
        }
        QCOMPARE(frames, (QList<QCborMap>{first, second}));
    }

    void manyFramesInOneChunk()
    {
        QByteArray stream;
        for (int i = 0; i < 100; ++i)
            stream += Framing::encode(QCborMap{{QLatin1String("i"), i}});
        FrameDecoder decoder;
        decoder.append(stream);
        for (int i = 0; i < 100; ++i) {
            auto frame = decoder.next();
            QVERIFY(frame.ok() && frame.value());
            QCOMPARE(frame.value()->value(QLatin1String("i")).toInteger(), i);
        }
    }

    void refusesOversizedFrameFromHeaderAlone()
    {
        FrameDecoder decoder(1024);
        decoder.append(header(1025));
        auto frame = decoder.next();
        QVERIFY(!frame.ok());
        QCOMPARE(frame.error().code, ErrorCode::FrameTooLarge);
        QVERIFY(decoder.failed());
        QCOMPARE(decoder.bufferedBytes(), 0);
    }

    void acceptsFrameAtTheLimit()
    {
        const QCborMap message{{QLatin1String("pad"), QString(1000, QLatin1Char('x'))}};
        const QByteArray encoded = Framing::encode(message);
        FrameDecoder decoder(encoded.size() - 4);
        decoder.append(encoded);
        auto frame = decoder.next();
        QVERIFY(frame.ok() && frame.value());
    }

    void refusesInvalidCbor()
    {
        const QByteArray garbage("\xff\xff\xff\x00\x13", 5);
        FrameDecoder decoder;
        decoder.append(header(garbage.size()) + garbage);
        auto frame = decoder.next();
        QVERIFY(!frame.ok());
        QCOMPARE(frame.error().code, ErrorCode::BadFrame);
    }

    void refusesTruncatedCborInsideFrame()
    {
        QByteArray body = QCborValue(QCborMap{{QLatin1String("text"), QStringLiteral("hello world")}}).toCbor();
        body.chop(3);
        FrameDecoder decoder;
        decoder.append(header(body.size()) + body);
        auto frame = decoder.next();
        QVERIFY(!frame.ok());
        QCOMPARE(frame.error().code, ErrorCode::BadFrame);
    }

    void refusesNonMapPayload()
    {
        const QByteArray body = QCborValue(QCborArray{1, 2, 3}).toCbor();
        FrameDecoder decoder;
        decoder.append(header(body.size()) + body);
        auto frame = decoder.next();
        QVERIFY(!frame.ok());
        QCOMPARE(frame.error().code, ErrorCode::BadFrame);
    }

    void refusesTrailingBytes()
    {
        const QByteArray body = QCborValue(QCborMap{{QLatin1String("a"), 1}}).toCbor() + QCborValue(5).toCbor();
        FrameDecoder decoder;
        decoder.append(header(body.size()) + body);
        QVERIFY(!decoder.next().ok());
    }

    void refusesDeepNestingCheaply()
    {
        // 100,000 nested one-element arrays: 100 KB that would make a naive parser recurse 100,000 times.
        QByteArray body("\xa1\x61x", 3);
        body += QByteArray(100000, '\x81');
        body += QCborValue(0).toCbor();
        FrameDecoder decoder;
        decoder.append(header(body.size()) + body);
        auto frame = decoder.next();
        QVERIFY(!frame.ok());
        QCOMPARE(frame.error().code, ErrorCode::BadFrame);
    }

    void acceptsNestingWithinLimit()
    {
        QCborValue value(1);
        for (int depth = 1; depth < FrameDecoder::kMaxNestingDepth; ++depth)
            value = QCborArray{value};
        FrameDecoder decoder;
        decoder.append(Framing::encode(QCborMap{{QLatin1String("deep"), value}}));
        QVERIFY(decoder.next().ok());
    }

    void staysFailedAfterAnError()
    {
        FrameDecoder decoder(16);
        decoder.append(header(100));
        QVERIFY(!decoder.next().ok());
        decoder.append(Framing::encode(QCborMap{{QLatin1String("a"), 1}}));
        QVERIFY(!decoder.next().ok());
    }
};

QTEST_GUILESS_MAIN(TestFrameDecoder)
#include "TestFrameDecoder.moc"
