#include "QrCodeWidget.h"

#include <QLabel>
#include <QPaintEngine>
#include <QPainter>
#include <QVBoxLayout>
#include <cmath>
#include <memory>
#include <qrencode.h>

namespace ccr::app {

namespace {

struct QrCodeDeleter
{
    void operator()(QRcode* code) const { QRcode_free(code); }
};

// Below this a phone camera struggles; the widget asks its layout for at least that much.
constexpr int kMinimumModulePixels = 2;
constexpr int kPreferredModulePixels = 4;
constexpr int kPreferredMinimumSide = 200;

} // namespace

QrCodeWidget::QrCodeWidget(QWidget* parent) : QWidget(parent), m_fallback(new QLabel(this))
{
    setObjectName(QStringLiteral("qrCodeWidget"));
    setAccessibleName(tr("QR code for the authenticator app"));
    setAccessibleDescription(tr("Scan this code with the authenticator app on your phone."));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    m_fallback->setObjectName(QStringLiteral("qrFallbackLabel"));
    m_fallback->setWordWrap(true);
    m_fallback->setAlignment(Qt::AlignCenter);
    m_fallback->setText(tr("This code is too long to show as a QR code. Enter the secret in your authenticator "
                           "app by hand instead."));
    m_fallback->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_fallback);
}

void QrCodeWidget::setText(const QString& text)
{
    m_text = text;
    m_moduleCount = 0;
    m_modules.clear();
    std::unique_ptr<QRcode, QrCodeDeleter> code;
    if (!text.isEmpty())
        code.reset(QRcode_encodeString(text.toUtf8().constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (code) {
        // libqrencode keeps one byte per module; bit 0 says dark.
        const int width = code->width;
        m_modules.resize(width * width);
        for (int i = 0; i < width * width; ++i)
            m_modules.setBit(i, (code->data[i] & 1) != 0);
        m_moduleCount = width;
    }
    const bool failed = !text.isEmpty() && !code;
    m_fallback->setVisible(failed);
    setAccessibleDescription(failed ? m_fallback->text()
                                    : tr("Scan this code with the authenticator app on your phone."));
    updateGeometry();
    update();
}

bool QrCodeWidget::isDark(int x, int y) const
{
    if (x < 0 || y < 0 || x >= m_moduleCount || y >= m_moduleCount)
        return false;
    return m_modules.testBit(y * m_moduleCount + x);
}

QRectF QrCodeWidget::codeRect(const QSizeF& area, qreal devicePixelRatio) const
{
    if (m_moduleCount == 0)
        return {};
    const int total = m_moduleCount + 2 * kQuietZone;
    const qreal dpr = devicePixelRatio > 0 ? devicePixelRatio : 1.0;
    const qreal devWidth = std::floor(area.width() * dpr);
    const qreal devHeight = std::floor(area.height() * dpr);
    const qreal devSide = std::min(devWidth, devHeight);
    const qreal modulePixels = std::floor(devSide / total);
    // Whole device pixels per module keep every edge sharp; only a tiny area gets fractions.
    const qreal side = modulePixels >= 1 ? modulePixels * total : devSide;
    const qreal left = std::floor((devWidth - side) / 2);
    const qreal top = std::floor((devHeight - side) / 2);
    return QRectF(left / dpr, top / dpr, side / dpr, side / dpr);
}

QImage QrCodeWidget::toImage(const QSize& size, qreal devicePixelRatio) const
{
    QImage image(size * devicePixelRatio, QImage::Format_RGB32);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::white);
    QPainter painter(&image);
    paintCode(painter, QRectF(QPointF(0, 0), QSizeF(size)), devicePixelRatio);
    return image;
}

QSize QrCodeWidget::sizeHint() const
{
    if (m_moduleCount == 0)
        return m_fallback->isVisibleTo(this) ? m_fallback->sizeHint()
                                             : QSize(kPreferredMinimumSide, kPreferredMinimumSide);
    const int side = std::max(kPreferredMinimumSide, (m_moduleCount + 2 * kQuietZone) * kPreferredModulePixels);
    return {side, side};
}

QSize QrCodeWidget::minimumSizeHint() const
{
    if (m_moduleCount == 0)
        return m_fallback->isVisibleTo(this) ? m_fallback->minimumSizeHint() : QSize();
    const int side = (m_moduleCount + 2 * kQuietZone) * kMinimumModulePixels;
    return {side, side};
}

void QrCodeWidget::paintEvent(QPaintEvent*)
{
    if (m_moduleCount == 0)
        return;
    QPainter painter(this);
    // The paint engine's device, not the widget: QWidget::render() into a high-DPI image
    // redirects painting there, and its ratio is what decides the pixel grid.
    const QPaintDevice* device = painter.paintEngine() ? painter.paintEngine()->paintDevice() : nullptr;
    paintCode(painter, rect(), device ? device->devicePixelRatio() : devicePixelRatio());
}

void QrCodeWidget::paintCode(QPainter& painter, const QRectF& area, qreal devicePixelRatio) const
{
    if (m_moduleCount == 0)
        return;
    const QRectF logical = codeRect(area.size(), devicePixelRatio).translated(area.topLeft());
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    // Fixed colours on purpose: a dark palette must not invert the code or drop the white border.
    painter.fillRect(logical, Qt::white);
    const int total = m_moduleCount + 2 * kQuietZone;
    const qreal module = logical.width() / total;
    for (int y = 0; y < m_moduleCount; ++y) {
        int x = 0;
        while (x < m_moduleCount) {
            if (!isDark(x, y)) {
                ++x;
                continue;
            }
            // One rectangle per run of dark modules: fewer seams and fewer calls.
            const int start = x;
            while (x < m_moduleCount && isDark(x, y))
                ++x;
            painter.fillRect(QRectF(logical.left() + (start + kQuietZone) * module,
                                    logical.top() + (y + kQuietZone) * module, (x - start) * module, module),
                             Qt::black);
        }
    }
    painter.restore();
}

} // namespace ccr::app
