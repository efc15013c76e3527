#pragma once

#include <QString>

/**
 * The CREATE TRIGGER statements that keep ticket_tallies (live tickets per status, priority,
 * category and agent): each takes the old row's values away (if it was live) and adds the new
 * row's (if it is live); either side may be absent (before/after empty).
 */
namespace ccr::server::TallyTriggers {

/** Schema 5's form, kept as that step ran. */
QString byOr(const QString& name, const QString& when, const QString& before, const QString& after);
/** Schema 8's form: one statement per dimension, each row found by its key. */
QString byKey(const QString& name, const QString& when, const QString& before, const QString& after);

} // namespace ccr::server::TallyTriggers
