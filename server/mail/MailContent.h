#pragma once

#include <QString>

namespace ccr::server {

/**
 * What a notification says, in plain text. Its HTML part is made from the text when the mail
 * is sent (MailTemplates::html), so the outbox keeps each mail once, not twice.
 */
struct MailContent
{
    QString subject;
    QString text;
};

} // namespace ccr::server
