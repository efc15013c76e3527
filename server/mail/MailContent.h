#pragma once

#include <QString>

namespace ccr::server {

/** What a notification says, in plain text and HTML. */
struct MailContent
{
    QString subject;
    QString text;
    QString html;
};

} // namespace ccr::server
