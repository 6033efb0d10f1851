//===- Output/Fingerprint.h - Stable identities of findings -----*- C++ -*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Code-scanning services match a finding across commits by a fingerprint
/// rather than by its position. Two are computed here:
///
/// - GitHub's primaryLocationLineHash, a rolling hash over the UTF-16 code
///   units of the file from the start of a line onwards, whitespace skipped,
///   so that moving a line keeps its hash (the algorithm of codeql-action's
///   upload step, reproduced from its published description and vectors).
/// - claimlint's own "claimlint/v1": a SHA-1 of the rule, the matched text
///   (case and spacing normalised), the path and the occurrence number of
///   that pair in the file. It does not depend on line numbers at all, so it
///   survives edits elsewhere in the file. GitLab's fingerprint reuses it.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_OUTPUT_FINGERPRINT_H
#define CLAIMLINT_OUTPUT_FINGERPRINT_H

#include "Engine/Diagnostic.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace claimlint {

/// The primaryLocationLineHash of every line of \p Text: element 0 is for
/// line 1. Lines end at "\n", "\r\n" or a lone "\r", as in LineIndex; text
/// that ends with a line break has one more (empty) line after it. Invalid
/// UTF-8 counts as one U+FFFD per byte.
std::vector<std::string> lineHashes(llvm::StringRef Text);

/// The matched text as the stable fingerprint sees it: ASCII letters
/// lower-cased, runs of whitespace made one space, no space at either end.
std::string normalizeMatch(llvm::StringRef Match);

/// The "claimlint/v1" fingerprint, 40 lower-case hex digits.
std::string stableFingerprint(llvm::StringRef RuleId, llvm::StringRef Match,
                              llvm::StringRef Path, unsigned Occurrence);

/// stableFingerprint() for each diagnostic of \p R, in order; Occurrence
/// counts earlier diagnostics of the file with the same rule and normalised
/// match (starting at 1). \p Path is the path as reported.
std::vector<std::string> stableFingerprints(const FileReport &R,
                                            llvm::StringRef Path);

} // namespace claimlint

#endif // CLAIMLINT_OUTPUT_FINGERPRINT_H
