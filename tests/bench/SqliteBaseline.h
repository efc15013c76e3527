#pragma once

#include <QString>

namespace ccr::bench::SqliteBaseline {

/** The disk's limit for our durability setting: single-row INSERT transactions per second. */
double insertTransactionsPerSecond(const QString& durability, double seconds);

} // namespace ccr::bench::SqliteBaseline
