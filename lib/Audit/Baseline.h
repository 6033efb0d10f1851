//===- Audit/Baseline.h - Accepted findings ----------------------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A baseline lists findings a team has accepted, so that an audit reports
/// only new ones. A finding is identified by its path (or URL), its rule and
/// the sentence it is in, normalised (case, spacing), plus its occurrence
/// number among identical (path, rule, sentence) triples: never by a line
/// number, so edits elsewhere in a page do not bring accepted findings back.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_AUDIT_BASELINE_H
#define CLAIMLINT_AUDIT_BASELINE_H

#include "Engine/Diagnostic.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace claimlint {

struct BaselineEntry {
  std::string Fingerprint;
  std::string Path;
  std::string Rule;
  std::string Sentence; ///< normalised
  unsigned Occurrence = 1;
};

/// The sentence (normalised: ASCII lower case, white space collapsed) of each
/// diagnostic of \p R, read from R.Text with R.Type's reader; the matched
/// text when no sentence holds the finding.
std::vector<std::string> findingSentences(const FileReport &R);

/// Text lower-cased (ASCII) with runs of white space made one space.
std::string normaliseSentence(llvm::StringRef S);

std::string baselineFingerprint(llvm::StringRef Path, llvm::StringRef Rule,
                                llvm::StringRef Sentence, unsigned Occurrence);

/// Baseline entries for every diagnostic of \p R, in order.
std::vector<BaselineEntry> baselineEntries(const FileReport &R);

class Baseline {
public:
  static llvm::Expected<Baseline> load(llvm::StringRef File);
  /// JSON text of \p Entries, sorted by path, rule, sentence.
  static std::string serialise(std::vector<BaselineEntry> Entries);

  /// Whether \p Fingerprint is accepted; marks it used.
  bool accept(const std::string &Fingerprint);
  /// Entries for \p Paths (those audited) that accepted nothing.
  std::vector<BaselineEntry> stale(const std::set<std::string> &Paths) const;
  size_t size() const { return Entries.size(); }

private:
  std::vector<BaselineEntry> Entries;
  std::map<std::string, size_t> ByFingerprint;
  std::vector<char> Used;
};

} // namespace claimlint

#endif // CLAIMLINT_AUDIT_BASELINE_H
