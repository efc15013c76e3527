#include "SmtpSender.h"

#include <curl/curl.h>

#include <cstring>
#include <mutex>

namespace ccr::server {

namespace {

struct Payload
{
    const QByteArray* data;
    qsizetype offset = 0;
};

size_t readPayload(char* buffer, size_t size, size_t count, void* user)
{
    auto* payload = static_cast<Payload*>(user);
    const auto room = static_cast<qsizetype>(size * count);
    const qsizetype chunk = std::min(room, payload->data->size() - payload->offset);
    if (chunk <= 0)
        return 0;
    std::memcpy(buffer, payload->data->constData() + payload->offset, static_cast<size_t>(chunk));
    payload->offset += chunk;
    return static_cast<size_t>(chunk);
}

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

} // namespace

SmtpSender::SmtpSender(SmtpSettings settings) : m_settings(std::move(settings))
{
    initCurlOnce();
}

SmtpOutcome SmtpSender::send(const QString& from, const QString& to, const QByteArray& message) const
{
    SmtpOutcome outcome;
    CURL* curl = curl_easy_init();
    if (!curl) {
        outcome.error = QStringLiteral("libcurl could not be initialised");
        return outcome;
    }
    const bool implicitTls = m_settings.security == SmtpSettings::Security::ImplicitTls;
    const QByteArray url = QStringLiteral("%1://%2:%3")
                               .arg(implicitTls ? QStringLiteral("smtps") : QStringLiteral("smtp"), m_settings.host)
                               .arg(m_settings.port)
                               .toUtf8();
    const QByteArray mailFrom = '<' + from.toUtf8() + '>';
    const QByteArray rcpt = '<' + to.toUtf8() + '>';
    const QByteArray username = m_settings.username.toUtf8();
    const QByteArray password = m_settings.password.toUtf8();
    const QByteArray caFile = m_settings.caFile.toUtf8();
    curl_slist* recipients = curl_slist_append(nullptr, rcpt.constData());
    Payload payload{&message};
    char errorBuffer[CURL_ERROR_SIZE] = {};

    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(m_settings.timeoutSeconds));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, mailFrom.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readPayload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &payload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    if (m_settings.security == SmtpSettings::Security::StartTls)
        curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, m_settings.verifyPeer ? 1L : 0L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, m_settings.verifyPeer ? 2L : 0L);
    if (!caFile.isEmpty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, caFile.constData());
    if (!username.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, username.constData());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, password.constData());
    }

    const CURLcode code = curl_easy_perform(curl);
    long response = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response);
    outcome.responseCode = response;
    outcome.accepted = code == CURLE_OK;
    // 5xx is permanent for this message (RFC 5321 4.2.1), except the relay refusing our own
    // login (530, 534, 535, 538, RFC 4954): a configuration mistake must not lose the mail.
    const bool authProblem = response == 530 || response == 534 || response == 535 || response == 538;
    outcome.permanent = !outcome.accepted && response >= 500 && response < 600 && !authProblem;
    if (!outcome.accepted) {
        outcome.error = QStringLiteral("%1 (SMTP %2)")
                            .arg(QString::fromUtf8(errorBuffer[0] ? errorBuffer : curl_easy_strerror(code)))
                            .arg(response);
    }
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    return outcome;
}

} // namespace ccr::server
