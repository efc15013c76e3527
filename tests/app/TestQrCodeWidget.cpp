#include "desk/QrCodeWidget.h"

#include <QApplication>
#include <QLabel>
#include <QPainter>
#include <QTest>
#include <cmath>
#include <memory>
#include <qrencode.h>

using namespace ccr;
using app::QrCodeWidget;

namespace {

// What the server's TwoFactorService hands out, with a base32 secret of 20 bytes.
const QString kUri = QStringLiteral(
    "otpauth://totp/Customer%20Care%20Registry:meera%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    "&issuer=Customer%20Care%20Registry&algorithm=SHA1&digits=6&period=30");

struct QrCodeDeleter
{
    void operator()(QRcode* code) const { QRcode_free(code); }
};

bool isDarkPixel(const QImage& image, QPointF devicePoint)
{
    return qGray(image.pixel(static_cast<int>(devicePoint.x()), static_cast<int>(devicePoint.y()))) < 128;
}

/** Checks, at the centre of every module and quiet-zone module, that the image is dark exactly where the code is. */
void verifyImage(const QrCodeWidget& widget, const QImage& image, const QSize& size, qreal dpr)
{
    const QRectF code = widget.codeRect(QSizeF(size), dpr);
    QVERIFY(!code.isEmpty());
    const int total = widget.moduleCount() + 2 * QrCodeWidget::kQuietZone;
    const qreal moduleDevicePixels = code.width() * dpr / total;
    // Crisp: whole device pixels per module, the code starting on a pixel boundary.
    const auto whole = [](qreal v) { return std::abs(v - std::round(v)) < 1e-6; };
    QVERIFY(whole(moduleDevicePixels));
    QVERIFY(whole(code.left() * dpr));
    QVERIFY(whole(code.top() * dpr));
    for (int y = -QrCodeWidget::kQuietZone; y < widget.moduleCount() + QrCodeWidget::kQuietZone; ++y) {
        for (int x = -QrCodeWidget::kQuietZone; x < widget.moduleCount() + QrCodeWidget::kQuietZone; ++x) {
            const QPointF centre(code.left() * dpr + (x + QrCodeWidget::kQuietZone + 0.5) * moduleDevicePixels,
                                 code.top() * dpr + (y + QrCodeWidget::kQuietZone + 0.5) * moduleDevicePixels);
            if (isDarkPixel(image, centre) != widget.isDark(x, y))
                QFAIL(qPrintable(QStringLiteral("module %1,%2 at %3x").arg(x).arg(y).arg(dpr)));
        }
    }
}

} // namespace

class TestQrCodeWidget final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modulesAreWhatLibqrencodeEncodes()
    {
        QrCodeWidget widget;
        widget.setText(kUri);
        QVERIFY(widget.hasCode());
        const std::unique_ptr<QRcode, QrCodeDeleter> expected(
            QRcode_encodeString(kUri.toUtf8().constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
        QVERIFY(expected);
        QCOMPARE(widget.moduleCount(), expected->width);
        for (int y = 0; y < expected->width; ++y)
            for (int x = 0; x < expected->width; ++x)
                QCOMPARE(widget.isDark(x, y), (expected->data[y * expected->width + x] & 1) != 0);
        QVERIFY(!widget.isDark(-1, 0));
        QVERIFY(!widget.isDark(0, widget.moduleCount()));
    }

    void finderPatternsAreInThreeCorners()
    {
        QrCodeWidget widget;
        widget.setText(kUri);
        const int n = widget.moduleCount();
        QVERIFY(n >= 21);
        const QList<QPoint> corners{{0, 0}, {n - 7, 0}, {0, n - 7}};
        for (const QPoint& corner : corners) {
            for (int dy = 0; dy < 7; ++dy) {
                for (int dx = 0; dx < 7; ++dx) {
                    // Dark outer ring, light ring, dark 3x3 centre.
                    const int ring = std::min(std::min(dx, dy), std::min(6 - dx, 6 - dy));
                    const bool dark = ring != 1;
                    QCOMPARE(widget.isDark(corner.x() + dx, corner.y() + dy), dark);
                }
            }
        }
        // No finder pattern in the fourth corner.
        QVERIFY(!(widget.isDark(n - 1, n - 1) && widget.isDark(n - 7, n - 7) && !widget.isDark(n - 2, n - 2) &&
                  widget.isDark(n - 4, n - 4)));
    }

    void rendersDarkModulesAsDarkPixels_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<qreal>("dpr");
        QTest::newRow("300 at 1x") << QSize(300, 300) << 1.0;
        QTest::newRow("300 at 2x") << QSize(300, 300) << 2.0;
        QTest::newRow("odd, wide at 1x") << QSize(421, 257) << 1.0;
        QTest::newRow("odd, tall at 2x") << QSize(257, 421) << 2.0;
        QTest::newRow("1.5x") << QSize(250, 250) << 1.5;
    }

    void rendersDarkModulesAsDarkPixels()
    {
        QFETCH(QSize, size);
        QFETCH(qreal, dpr);
        QrCodeWidget widget;
        widget.setText(kUri);
        // A dark palette must not change the colours: scanners need dark on white.
        QPalette dark = widget.palette();
        dark.setColor(QPalette::Window, Qt::black);
        dark.setColor(QPalette::WindowText, Qt::white);
        widget.setPalette(dark);
        widget.resize(size);

        const QImage image = widget.toImage(size, dpr);
        QCOMPARE(image.size(), size * dpr);
        verifyImage(widget, image, size, dpr);
        if (QTest::currentTestFailed())
            return;

        // The widget's own painting, rendered into an image with that pixel ratio.
        QImage rendered(size * dpr, QImage::Format_ARGB32_Premultiplied);
        rendered.setDevicePixelRatio(dpr);
        rendered.fill(Qt::red);
        widget.render(&rendered);
        verifyImage(widget, rendered, size, dpr);
    }

    void accessibleAndSized()
    {
        QrCodeWidget widget;
        QVERIFY(widget.accessibleName().contains(QStringLiteral("QR code")));
        QVERIFY(!widget.accessibleDescription().isEmpty());
        widget.setText(kUri);
        const QSize hint = widget.sizeHint();
        QCOMPARE(hint.width(), hint.height());
        QVERIFY(hint.width() >= (widget.moduleCount() + 2 * QrCodeWidget::kQuietZone) * 2);
        QVERIFY(hint.width() <= 400);
        QVERIFY(widget.hasHeightForWidth());
        QCOMPARE(widget.heightForWidth(320), 320);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        QVERIFY(!widget.grab().isNull());
    }

    void tooLongATextShowsAnExplanation()
    {
        QrCodeWidget widget;
        widget.resize(300, 300);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        auto* fallback = widget.findChild<QLabel*>(QStringLiteral("qrFallbackLabel"));
        QVERIFY(fallback);
        QVERIFY(!fallback->isVisible());

        widget.setText(QString(10000, QLatin1Char('a')));
        QVERIFY(!widget.hasCode());
        QCOMPARE(widget.moduleCount(), 0);
        QVERIFY(!widget.isDark(0, 0));
        QVERIFY(fallback->isVisible());
        QVERIFY(fallback->text().contains(QStringLiteral("too long")));
        QCOMPARE(widget.accessibleDescription(), fallback->text());
        QVERIFY(widget.codeRect(QSizeF(300, 300), 1.0).isEmpty());
        QVERIFY(!widget.grab().isNull());
        QVERIFY(!widget.toImage(QSize(100, 100)).isNull());

        widget.setText(kUri);
        QVERIFY(widget.hasCode());
        QVERIFY(!fallback->isVisible());
        QVERIFY(!widget.accessibleDescription().contains(QStringLiteral("too long")));

        // Empty: nothing to show and nothing to explain.
        widget.setText(QString());
        QVERIFY(!widget.hasCode());
        QVERIFY(!fallback->isVisible());
    }
};

QTEST_MAIN(TestQrCodeWidget)
#include "TestQrCodeWidget.moc"
