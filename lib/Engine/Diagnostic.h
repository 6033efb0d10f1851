//===- Engine/Diagnostic.h - A finding ---------------------------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Findings are values. Offset/Length are bytes into the original file; the
/// line and column fields are derived from them (1-based, byte columns) by
/// the linter, so every sink agrees.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_ENGINE_DIAGNOSTIC_H
#define CLAIMLINT_ENGINE_DIAGNOSTIC_H

#include "Context/Analyzer.h"
#include "Markup/Reader.h"
#include "Support/Severity.h"

#include <string>
#include <vector>

namespace claimlint {

struct DiagnosticCue {
  std::string Kind; ///< cueKindName()
  uint32_t Offset = 0;
  uint32_t Length = 0;
  std::string Text;
};

struct Diagnostic {
  std::string Path;
  std::string RuleId;
  Severity Sev = Severity::Warning;
  std::string Message;
  std::string Note;
  uint32_t Offset = 0;
  uint32_t Length = 0;
  unsigned Line = 1, Column = 1, EndLine = 1, EndColumn = 1;
  std::string Match;
  std::vector<std::string> Suggestions;
  std::vector<bool> SafeSuggestions;
  ClaimStatus Status = ClaimStatus::Unqualified;
  std::string Explanation;
  std::vector<DiagnosticCue> Cues;
  /// From a claimlint-evidence annotation, when one applies.
  std::string Evidence, Reviewer, ReviewedOn, Expires;
};

/// Everything found in one file.
struct FileReport {
  std::string Path;
  FileType Type = FileType::Text;
  std::string Text; ///< the file's bytes (sinks print source lines from it)
  std::vector<Diagnostic> Diags;
  std::string Error; ///< set when the file could not be read
};

struct Summary {
  unsigned Files = 0;
  unsigned FilesWithFindings = 0;
  unsigned Errors = 0, Warnings = 0, Infos = 0;
  unsigned IoErrors = 0;
  uint64_t Bytes = 0;
};

} // namespace claimlint

#endif // CLAIMLINT_ENGINE_DIAGNOSTIC_H
