//===- Output/Emitter.h - Output formats -------------------------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Every output format is a sink for FileReports, called in path order.
/// docs/output-formats.md documents each format.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_OUTPUT_EMITTER_H
#define CLAIMLINT_OUTPUT_EMITTER_H

#include "Engine/Diagnostic.h"

#include "llvm/ADT/Optional.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>

namespace claimlint {

class RuleSet;

enum class OutputFormat {
  Text,
  Json,
  Claims,
  ClaimsJson,
  Sarif,      ///< SARIF 2.1.0 (GitHub code scanning)
  GitHub,     ///< GitHub Actions workflow commands + step summary
  GitLab,     ///< GitLab Code Quality JSON
  Checkstyle, ///< Checkstyle XML
  Junit,      ///< JUnit XML
  Rdjson,     ///< reviewdog rdjson
  Jsonl,      ///< one JSON finding per line (concatenable shards)
  Html        ///< a self-contained HTML report
};

/// The claim ledger formats list every claim, qualified or not.
inline bool isLedger(OutputFormat F) {
  return F == OutputFormat::Claims || F == OutputFormat::ClaimsJson;
}

llvm::Optional<OutputFormat> parseOutputFormat(llvm::StringRef Name);

struct EmitterOptions {
  bool Color = false;
  unsigned ContextColumns = 100; ///< source excerpt width in text output
  /// The loaded rules, for formats that describe them (sarif); may be null.
  const RuleSet *Rules = nullptr;
  std::string ToolVersion; ///< claimlint's version, for sarif
  /// github: append a Markdown summary of every finding to this file.
  std::string StepSummaryFile;
};

class Emitter {
public:
  virtual ~Emitter() = default;
  virtual void begin() {}
  virtual void file(const FileReport &R) = 0;
  virtual void end(const Summary &S) { (void)S; }
};

std::unique_ptr<Emitter> makeEmitter(OutputFormat F, llvm::raw_ostream &OS,
                                     const EmitterOptions &Opts);

/// The version of the JSON output schema (docs/output-formats.md).
constexpr int JsonSchemaVersion = 1;

} // namespace claimlint

#endif // CLAIMLINT_OUTPUT_EMITTER_H
