#include "cli/ServerMain.h"

#ifdef CCR_WITH_TCMALLOC
#include <gperftools/malloc_extension_c.h>
#endif

int main(int argc, char** argv)
{
#ifdef CCR_WITH_TCMALLOC
    // Freed pages go back to the system at once: with 1,000 clients signed in, tcmalloc's
    // default of keeping them cost 80 MB of resident memory, over the server's budget
    // (docs/benchmarks.md); returning them costs no measurable speed.
    MallocExtension_SetNumericProperty("tcmalloc.aggressive_memory_decommit", 1);
#endif
    return ccr::server::serverMain(argc, argv);
}
