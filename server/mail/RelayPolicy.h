#pragma once

namespace ccr::server {

/** How the relay retries: exponential back-off from firstRetrySeconds up to maxRetrySeconds. */
struct RelayPolicy
{
    int firstRetrySeconds = 30;
    int maxRetrySeconds = 3600;
    /** After this many failed tries a mail is marked failed (about two days with the defaults). */
    int maxAttempts = 50;
    /** How often the queue is checked for mail whose retry time came. */
    int pollIntervalMs = 5000;
};

} // namespace ccr::server
