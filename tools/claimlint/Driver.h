//===- claimlint/Driver.h - The command line's work --------------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_TOOLS_DRIVER_H
#define CLAIMLINT_TOOLS_DRIVER_H

#include "Output/Emitter.h"

#include "llvm/ADT/Optional.h"

#include <string>
#include <vector>

namespace claimlint {

enum ExitCode { ExitClean = 0, ExitFindings = 1, ExitError = 2 };

struct DriverOptions {
  std::vector<std::string> Paths;
  std::string StdinFilename;
  OutputFormat Format = OutputFormat::Text;
  bool Color = false;
  std::string OutputFile;
  bool ListRules = false;
  std::string Explain;
  std::vector<std::string> Enable, Disable;
  Severity MinSeverity = Severity::Info;
  llvm::Optional<Severity> FailOn = Severity::Warning; ///< None: never
  /// Exit 1 when more than this many warnings are reported.
  llvm::Optional<unsigned> MaxWarnings;
  /// Report only findings on lines added or changed since this revision.
  std::string DiffBase;
  std::vector<std::string> RulesDirs;
  llvm::Optional<std::string> Config;
  bool NoConfig = false;
  std::string Profile;
  bool ShowQualified = false;
  bool NoContext = false;
  unsigned Jobs = 0; ///< 0: all cores
  std::string Today;
  llvm::Optional<FileType> ForceType;
  // Audits of many pages and of live sites (docs/audits.md).
  bool Crawl = false;      ///< --crawl: follow same-site links and sitemaps
  unsigned MaxPages = 500; ///< --max-pages, with --crawl
  double Rate = 2;         ///< --rate: requests per second (0: no limit)
  unsigned Timeout = 30;   ///< --timeout: seconds per request
  bool Summary = false;    ///< --summary
  std::string Baseline, WriteBaseline; ///< --baseline, --write-baseline
  std::string Shard;                   ///< --shard K/N
  std::string Boilerplate = "once";    ///< --boilerplate once|every|skip
  int Progress = -1;      ///< --progress: -1 when stderr is a terminal, 0, 1
  bool Fix = false;       ///< --fix: apply safe suggestions in place
  bool FixDryRun = false; ///< --fix-dry-run: print them as a unified diff
  std::string FixPauseMarker; ///< hidden, tests only (WriteFixOptions)
};

/// Runs claimlint; returns the process exit code.
int runDriver(const DriverOptions &Opts);

} // namespace claimlint

#endif // CLAIMLINT_TOOLS_DRIVER_H
