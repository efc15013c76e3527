#include "DemoSeeder.h"

#include "services/AccountService.h"
#include "services/SessionTokens.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace ccr::server {

using common::Error;
using common::ErrorCode;

namespace {

const QString kCredentialsFile = QStringLiteral("demo-credentials.txt");

} // namespace

common::Result<QString> DemoSeeder::seedIfEmpty()
{
    const QString path = QDir(m_dataDir).filePath(kCredentialsFile);
    if (m_accounts.hasUsers()) {
        QFile existing(path);
        if (!existing.open(QIODevice::ReadOnly))
            return QString();
        return QString::fromUtf8(existing.readAll());
    }

    const QString password = SessionTokens::generate().left(16);
    struct DemoUser
    {
        QString email;
        QString name;
        common::Role role;
    };
    const QList<DemoUser> users{
        {QStringLiteral("admin@ccr-demo.example"), QStringLiteral("Ada Admin"), common::Role::Admin},
        {QStringLiteral("agent@ccr-demo.example"), QStringLiteral("Arjun Agent"), common::Role::Agent},
        {QStringLiteral("customer@ccr-demo.example"), QStringLiteral("Chitra Customer"), common::Role::Customer},
    };
    QString text = QStringLiteral("Demo accounts (password for all: %1)\n").arg(password);
    for (const auto& user : users) {
        if (auto created = m_accounts.createUserNow(user.email, user.name, password, user.role); !created)
            return created.error();
        text += QStringLiteral("  %1  %2\n").arg(common::roleName(user.role), -9).arg(user.email);
    }

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(text.toUtf8()) < 0 || !file.commit())
        return Error(ErrorCode::Unavailable, QStringLiteral("Cannot write %1.").arg(path));
    return text;
}

} // namespace ccr::server
