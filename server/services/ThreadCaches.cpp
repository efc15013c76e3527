#include "ThreadCaches.h"

#if defined(__GNUC__)
// gperftools' C interface, when tcmalloc is linked into the program; weak, so the library
// links without it and the call is skipped.
extern "C" void MallocExtension_MarkThreadIdle(void) __attribute__((weak));
#endif

namespace ccr::server::ThreadCaches {

void release()
{
#if defined(__GNUC__)
    if (MallocExtension_MarkThreadIdle)
        MallocExtension_MarkThreadIdle();
#endif
}

} // namespace ccr::server::ThreadCaches
