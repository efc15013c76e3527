#pragma once

namespace ccr::server::ThreadCaches {

/**
 * Hands the calling thread's allocator caches back: tcmalloc, which ccr-server links, keeps
 * memory a thread freed for that thread to reuse, so a thread that worked in bursts (the
 * search indexer after a round of thousands of texts) would go on holding it while it waits.
 * Nothing to do without tcmalloc (the tests, the sanitizer builds).
 */
void release();

} // namespace ccr::server::ThreadCaches
