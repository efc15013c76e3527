#pragma once

namespace ccr::app {

/** Everything ccr-desk does from its command line; main() only calls this. */
int deskMain(int argc, char** argv);

} // namespace ccr::app
