#pragma once

#include "common/Result.h"

#include <QString>

namespace ccr::server {

class AccountService;

/**
 * Fills a new, empty database with demo accounts (an admin, an agent, a customer) sharing
 * one random password, and keeps the sign-in details in demo-credentials.txt (0600) in
 * the data directory so later starts can print them again.
 */
class DemoSeeder final
{
public:
    DemoSeeder(AccountService& accounts, QString dataDir) : m_accounts(accounts), m_dataDir(std::move(dataDir)) {}

    /** Seeds if the database is empty; returns the text to print (empty if there is none). */
    common::Result<QString> seedIfEmpty();

private:
    AccountService& m_accounts;
    QString m_dataDir;
};

} // namespace ccr::server
