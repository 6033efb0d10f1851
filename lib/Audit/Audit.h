//===- Audit/Audit.h - Whole-site audits -------------------------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// What an audit of many pages adds to linting them one by one (see
/// docs/audits.md): a deterministic shard of the inputs, findings in site
/// boilerplate reported once per site, a baseline of accepted findings, and
/// a summary by page and by rule. The driver calls prepare() on its worker
/// threads and filter() in output order.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_AUDIT_AUDIT_H
#define CLAIMLINT_AUDIT_AUDIT_H

#include "Engine/Diagnostic.h"

#include "llvm/ADT/Optional.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "Audit/Baseline.h"

namespace claimlint {

/// Findings in navigation, site header and footer, and cookie banners.
enum class BoilerplateMode {
  Once,  ///< reported on the first page of each site that has them
  Every, ///< reported on every page
  Skip,  ///< never reported
};
llvm::Optional<BoilerplateMode> parseBoilerplateMode(llvm::StringRef S);

/// --shard K/N: inputs whose hash modulo N is K-1.
struct ShardSpec {
  unsigned Index = 1, Count = 1;
  bool active() const { return Count > 1; }
};
llvm::Expected<ShardSpec> parseShard(llvm::StringRef KN);
/// Whether input \p Name (a path as given, or a normalised URL) belongs to
/// shard \p S. The hash (64-bit FNV-1a of the name) is the same on every
/// machine, so N jobs with K = 1..N partition the inputs.
bool inShard(llvm::StringRef Name, const ShardSpec &S);

struct AuditOptions {
  ShardSpec Shard;
  BoilerplateMode Boilerplate = BoilerplateMode::Once;
  std::string Baseline;       ///< --baseline FILE
  std::string WriteBaseline;  ///< --write-baseline FILE
  bool Summary = false;       ///< --summary
  unsigned SummaryPages = 50; ///< pages listed in the summary at most
};

/// Findings per page and per rule, and the summary text. Only the \p MaxPages
/// worst pages are kept (memory does not grow with the number of pages).
class SiteSummary {
public:
  explicit SiteSummary(unsigned MaxPages = 50) : MaxPages(MaxPages) {}
  void add(const FileReport &R);
  void print(llvm::raw_ostream &OS) const;

private:
  struct Counts {
    unsigned Errors = 0, Warnings = 0, Infos = 0;
    unsigned total() const { return Errors + Warnings + Infos; }
  };
  /// Worse first; among equals, the page added first.
  static bool worse(const Counts &X, const Counts &Y);
  unsigned MaxPages;
  size_t PageCount = 0, WithFindings = 0;
  Counts All;
  std::vector<std::pair<std::string, Counts>> Worst; ///< in print order
  std::map<std::string, Counts> Rules;
};

class AuditSession {
public:
  static llvm::Expected<std::unique_ptr<AuditSession>>
  create(AuditOptions Opts);

  const AuditOptions &options() const { return Opts; }
  bool inShard(llvm::StringRef Name) const {
    return claimlint::inShard(Name, Opts.Shard);
  }

  /// Work done per report off the output thread (sentences for the
  /// baseline, boilerplate regions). Thread-safe.
  void prepare(const FileReport &R);
  /// Drops repeated boilerplate findings and accepted ones; records the
  /// report for the summary and the baseline. Call in output order.
  void filter(FileReport &R);
  /// Writes --write-baseline, lists stale baseline entries on \p Err and
  /// prints the summary on \p SummaryOS.
  llvm::Error finish(llvm::raw_ostream &SummaryOS, llvm::raw_ostream &Err);

  /// Findings of page-level rules (a page lacks something) are never
  /// boilerplate, even when anchored in the navigation.
  void addPageLevelRule(std::string Id) { PageLevel.insert(std::move(Id)); }

  unsigned acceptedByBaseline() const { return Accepted; }
  unsigned boilerplateDropped() const { return ChromeDropped; }

private:
  explicit AuditSession(AuditOptions Opts)
      : Opts(std::move(Opts)), Sum(this->Opts.SummaryPages) {}
  struct Prepared;
  Prepared compute(const FileReport &R) const;

  struct Prepared {
    uint64_t Signature = 0; ///< of the diagnostics it was computed for
    std::vector<BaselineEntry> Entries;
    std::vector<char> InChrome;
  };

  AuditOptions Opts;
  llvm::Optional<Baseline> Accepting;
  std::mutex Mu;
  std::map<std::string, Prepared> Ready; // by path
  std::set<std::string> Audited;
  std::set<std::string> ChromeSeen;
  std::set<std::string> PageLevel;
  std::vector<BaselineEntry> NewBaseline;
  SiteSummary Sum;
  unsigned Accepted = 0, ChromeDropped = 0;
};

} // namespace claimlint

#endif // CLAIMLINT_AUDIT_AUDIT_H
