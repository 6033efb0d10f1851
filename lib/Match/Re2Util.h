//===- Match/Re2Util.h - One RE2 pattern, searched for every match -*- C++ -*-//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The two steps every single-pattern search in Match shares: compiling a
/// pattern alone with PatternSet's options and budgets, and reporting its
/// matches one after another. Internal to lib/Match (it includes RE2).
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_MATCH_RE2UTIL_H
#define CLAIMLINT_MATCH_RE2UTIL_H

#include "Match/PatternSet.h"

#include <re2/re2.h>

namespace claimlint {

/// Compiles \p Source with \p Opts within PatternSet's per-pattern budget,
/// retrying with a set's budget should that be too small.
std::unique_ptr<RE2> compileAlone(const std::string &Source,
                                  const PatternOptions &Opts);

/// Reports every non-overlapping, non-empty match of \p Re in \p Text, left
/// to right, as offsets relative to \p Text. Return false to stop.
void findAllMatches(const RE2 &Re, llvm::StringRef Text,
                    llvm::function_ref<bool(uint32_t, uint32_t)> OnMatch);

} // namespace claimlint

#endif // CLAIMLINT_MATCH_RE2UTIL_H
