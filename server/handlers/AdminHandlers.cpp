#include "AdminHandlers.h"

#include "common/Protocol.h"
#include "common/messages/UserList.h"
#include "common/messages/UserResult.h"
#include "net/Dispatcher.h"
#include "services/AccountService.h"

namespace ccr::server::AdminHandlers {

namespace Method = common::Protocol::Method;

namespace {

common::Result<common::UserResult> asUserResult(const common::Result<common::UserInfo>& user)
{
    if (!user)
        return user.error();
    return common::UserResult{user.value()};
}

common::Result<common::UserList> asUserList(const common::Result<QList<common::UserInfo>>& users)
{
    if (!users)
        return users.error();
    return common::UserList{users.value()};
}

} // namespace

void registerIn(Dispatcher& dispatcher, AccountService& accounts)
{
    dispatcher.addTyped<common::CreateAgentParams>(
        Method::CreateAgent,
        [&accounts](const CallContext&, const common::CreateAgentParams& params, const Responder& out) {
            accounts.createAgent(params,
                                 [out](common::Result<common::UserInfo> user) { out.send(asUserResult(user)); });
        });

    dispatcher.addTyped<common::ListUsersParams>(
        Method::ListUsers, [&accounts](const CallContext&, const common::ListUsersParams& params,
                                       const Responder& out) { out.send(asUserList(accounts.listUsers(params))); });

    dispatcher.add(Method::ListAdminRequests, [&accounts](const CallContext&, const Responder& out) {
        const common::ListUsersParams pending{common::Role::Admin, common::UserState::PendingApproval};
        out.send(asUserList(accounts.listUsers(pending)));
    });

    dispatcher.addTyped<common::DecideAdminRequestParams>(
        Method::DecideAdminRequest,
        [&accounts](const CallContext& call, const common::DecideAdminRequestParams& params, const Responder& out) {
            out.send(asUserResult(accounts.decideAdminRequest(call.userId(), params)));
        });

    dispatcher.addTyped<common::SetUserStateParams>(
        Method::SetUserState,
        [&accounts](const CallContext& call, const common::SetUserStateParams& params, const Responder& out) {
            out.send(asUserResult(accounts.setUserState(call.userId(), params)));
        });
}

} // namespace ccr::server::AdminHandlers
