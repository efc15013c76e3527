#include "ThreadCaches.h"

#if defined(__ELF__)
// gperftools' C interface, when tcmalloc is linked into the program; weak, so the library
// links without it and the call is skipped. ELF only: elsewhere an undefined weak reference
// does not link.
extern "C" void MallocExtension_MarkThreadIdle(void) __attribute__((weak));
#endif

namespace ccr::server::ThreadCaches {

void release()
{
#if defined(__ELF__)
    if (MallocExtension_MarkThreadIdle)
        MallocExtension_MarkThreadIdle();
#endif
}

} // namespace ccr::server::ThreadCaches
