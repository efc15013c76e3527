#pragma once

namespace ccr::server {

/** Everything ccr-server does from its command line; main() only calls this. */
int serverMain(int argc, char** argv);

} // namespace ccr::server
