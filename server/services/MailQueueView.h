#pragma once

#include "common/Result.h"
#include "common/account/MailQueue.h"
#include "common/account/MailQueueParams.h"

namespace ccr::server {

class OutboxStore;

/** The mail queue as admins see it: counts per state and the newest entries, no bodies. */
class MailQueueView final
{
public:
    MailQueueView(const OutboxStore& outbox, bool smtpConfigured) : m_outbox(outbox), m_smtpConfigured(smtpConfigured)
    {}

    common::Result<common::MailQueue> view(const common::MailQueueParams& params) const;

private:
    const OutboxStore& m_outbox;
    bool m_smtpConfigured;
};

} // namespace ccr::server
