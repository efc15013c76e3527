#include "PermissionTable.h"

#include "common/Protocol.h"

#include <array>

namespace ccr::server::PermissionTable {

using common::Error;
using common::ErrorCode;
using common::Role;
namespace Method = common::Protocol::Method;

namespace {

enum Allowed : unsigned
{
    Anonymous = 1U << 0U,
    Customer = 1U << 1U,
    Agent = 1U << 2U,
    Admin = 1U << 3U,
    AnyRole = Customer | Agent | Admin,
};

struct Rule
{
    QLatin1String method;
    unsigned allowed;
};

const std::array kRules{
    Rule{Method::Hello, Anonymous | AnyRole},
    Rule{Method::Register, Anonymous},
    Rule{Method::SignIn, Anonymous},
    Rule{Method::Resume, Anonymous},
    Rule{Method::SignOut, AnyRole},
    Rule{Method::Me, AnyRole},
    Rule{Method::CreateAgent, Admin},
    Rule{Method::ListUsers, Admin},
    Rule{Method::ListAdminRequests, Admin},
    Rule{Method::DecideAdminRequest, Admin},
    Rule{Method::SetUserState, Admin},
    Rule{Method::CreateTicket, Customer | Admin},
    Rule{Method::GetTicket, AnyRole},
    Rule{Method::ListTickets, AnyRole},
    Rule{Method::SearchTickets, AnyRole},
    Rule{Method::Reply, AnyRole},
    Rule{Method::SetStatus, AnyRole},
    Rule{Method::Resolve, Agent | Admin},
    Rule{Method::Assign, Admin},
    Rule{Method::DeleteTicket, Admin},
    Rule{Method::RestoreTicket, Admin},
    Rule{Method::TicketHistory, AnyRole},
    Rule{Method::TicketCounts, AnyRole},
    Rule{Method::AgentLoad, Admin},
    Rule{Method::ListCategories, AnyRole},
    Rule{Method::CreateCategory, Admin},
    Rule{Method::RenameCategory, Admin},
    Rule{Method::SetCategoryActive, Admin},
    Rule{Method::BeginUpload, AnyRole},
    Rule{Method::UploadChunk, AnyRole},
    Rule{Method::FinishUpload, AnyRole},
    Rule{Method::Download, AnyRole},
    Rule{Method::RequestPasswordReset, Anonymous},
    Rule{Method::ResetPassword, Anonymous},
    Rule{Method::ChangePassword, AnyRole},
    Rule{Method::GetNotificationPreferences, AnyRole},
    Rule{Method::SetNotificationPreferences, AnyRole},
    Rule{Method::MailQueue, Admin},
    Rule{Method::TwoFactorStatus, AnyRole},
    Rule{Method::BeginTwoFactor, AnyRole},
    Rule{Method::ConfirmTwoFactor, AnyRole},
    Rule{Method::DisableTwoFactor, AnyRole},
    Rule{Method::GetSettings, Admin},
    Rule{Method::SetSettings, Admin},
    Rule{Method::RateTicket, Customer},
};

const Rule* find(const QString& method)
{
    for (const auto& rule : kRules) {
        if (rule.method == method)
            return &rule;
    }
    return nullptr;
}

unsigned bitFor(Role role)
{
    switch (role) {
    case Role::Customer:
        return Customer;
    case Role::Agent:
        return Agent;
    case Role::Admin:
        return Admin;
    }
    return 0;
}

} // namespace

bool allowedBeforeTwoFactorSetup(const QString& method)
{
    for (const auto& allowed : {Method::Hello, Method::SignOut, Method::Me, Method::TwoFactorStatus,
                                Method::BeginTwoFactor, Method::ConfirmTwoFactor}) {
        if (allowed == method)
            return true;
    }
    return false;
}

bool knows(const QString& method)
{
    return find(method) != nullptr;
}

common::Result<void> authorize(const QString& method, std::optional<Role> callerRole)
{
    const Rule* rule = find(method);
    if (!rule)
        return Error(ErrorCode::UnknownMethod);
    if (!callerRole) {
        if (rule->allowed & Anonymous)
            return {};
        return Error(ErrorCode::NotAuthenticated);
    }
    if (rule->allowed & bitFor(*callerRole))
        return {};
    if (rule->allowed == Anonymous)
        return Error(ErrorCode::Conflict, QStringLiteral("You are already signed in; sign out first."));
    return Error(ErrorCode::PermissionDenied);
}

} // namespace ccr::server::PermissionTable
