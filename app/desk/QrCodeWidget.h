#pragma once

#include <QBitArray>
#include <QImage>
#include <QWidget>

class QLabel;

namespace ccr::app {

/**
 * Draws a text (an otpauth:// URI for two-factor enrolment) as a QR code, encoded by
 * libqrencode at error correction level M. Modules are whole device pixels at any size and
 * device pixel ratio, with the 4-module quiet zone the standard asks for, always dark on
 * white whatever the palette: scanners need that contrast. A text too long for a QR code
 * shows a short explanation instead.
 */
class QrCodeWidget final : public QWidget
{
    Q_OBJECT
public:
    explicit QrCodeWidget(QWidget* parent = nullptr);

    void setText(const QString& text);
    QString text() const { return m_text; }
    /** Whether the current text could be encoded (false for an empty text). */
    bool hasCode() const { return m_moduleCount > 0; }

    /** Modules per side without the quiet zone; 0 without a code. */
    int moduleCount() const { return m_moduleCount; }
    bool isDark(int x, int y) const;
    static constexpr int kQuietZone = 4;

    /**
     * Where the code, quiet zone included, goes in an area of the given logical size: centred,
     * square, and a whole number of device pixels per module whenever the area allows.
     */
    QRectF codeRect(const QSizeF& area, qreal devicePixelRatio) const;
    /** The code drawn into an image of the given logical size and device pixel ratio. */
    QImage toImage(const QSize& size, qreal devicePixelRatio = 1.0) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return width; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void paintCode(QPainter& painter, const QRectF& area, qreal devicePixelRatio) const;

    QString m_text;
    int m_moduleCount = 0;
    QBitArray m_modules;
    QLabel* m_fallback;
};

} // namespace ccr::app
