//===- Audit/Audit.cpp - Whole-site audits --------------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Audit/Audit.h"

#include "Support/Error.h"
#include "Support/FileSystem.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"

#include <algorithm>

#include "Audit/HtmlScan.h"
#include "Audit/Url.h"

namespace claimlint {

llvm::Optional<BoilerplateMode> parseBoilerplateMode(llvm::StringRef S) {
  if (S == "once")
    return BoilerplateMode::Once;
  if (S == "every")
    return BoilerplateMode::Every;
  if (S == "skip")
    return BoilerplateMode::Skip;
  return llvm::None;
}

llvm::Expected<ShardSpec> parseShard(llvm::StringRef KN) {
  auto Parts = KN.split('/');
  ShardSpec S;
  if (Parts.first.trim().getAsInteger(10, S.Index) ||
      Parts.second.trim().getAsInteger(10, S.Count) || S.Count == 0 ||
      S.Index == 0 || S.Index > S.Count)
    return makeError("--shard must be K/N with 1 <= K <= N, e.g. 2/4 (got '" +
                     KN + "')");
  return S;
}

bool inShard(llvm::StringRef Name, const ShardSpec &S) {
  if (!S.active())
    return true;
  uint64_t H = 1469598103934665603ull;
  for (char C : Name) {
    H ^= static_cast<unsigned char>(C);
    H *= 1099511628211ull;
  }
  return H % S.Count == S.Index - 1;
}

//===----------------------------------------------------------------------===//
// Summary
//===----------------------------------------------------------------------===//

bool SiteSummary::worse(const Counts &X, const Counts &Y) {
  if (X.Errors != Y.Errors)
    return X.Errors > Y.Errors;
  if (X.Warnings != Y.Warnings)
    return X.Warnings > Y.Warnings;
  return X.Infos > Y.Infos;
}

void SiteSummary::add(const FileReport &R) {
  Counts C;
  for (const Diagnostic &D : R.Diags) {
    Counts &RC = Rules[D.RuleId];
    if (D.Sev == Severity::Error) {
      ++C.Errors;
      ++RC.Errors;
    } else if (D.Sev == Severity::Warning) {
      ++C.Warnings;
      ++RC.Warnings;
    } else {
      ++C.Infos;
      ++RC.Infos;
    }
  }
  ++PageCount;
  All.Errors += C.Errors;
  All.Warnings += C.Warnings;
  All.Infos += C.Infos;
  if (!C.total())
    return;
  ++WithFindings;
  // After every page as bad as this one (they came first), before the rest.
  auto At = std::upper_bound(
      Worst.begin(), Worst.end(), C,
      [](const Counts &V, const auto &P) { return worse(V, P.second); });
  if (static_cast<size_t>(At - Worst.begin()) >= MaxPages)
    return;
  Worst.insert(At, {R.Path, C});
  if (Worst.size() > MaxPages)
    Worst.pop_back();
}

void SiteSummary::print(llvm::raw_ostream &OS) const {
  auto Row = [&](const Counts &C, llvm::StringRef Name) {
    OS << llvm::format("%7u %8u %5u  ", C.Errors, C.Warnings, C.Infos) << Name
       << '\n';
  };
  OS << "Summary\n\nFindings per page, worst first:\n"
     << "  error  warning  info  page\n";
  for (const auto &P : Worst)
    Row(P.second, P.first);
  if (WithFindings > Worst.size())
    OS << "  ... and " << WithFindings - Worst.size()
       << " more pages with findings\n";
  if (Worst.empty())
    OS << "  (none)\n";
  std::vector<std::pair<std::string, Counts>> ByRule(Rules.begin(),
                                                     Rules.end());
  std::stable_sort(ByRule.begin(), ByRule.end(),
                   [](const auto &X, const auto &Y) {
                     return X.second.total() > Y.second.total();
                   });
  OS << "\nFindings per rule:\n  error  warning  info  rule\n";
  for (const auto &R : ByRule)
    Row(R.second, R.first);
  if (ByRule.empty())
    OS << "  (none)\n";
  OS << "\n"
     << PageCount << (PageCount == 1 ? " page" : " pages") << " audited, "
     << WithFindings << " with findings: " << All.Errors << " errors, "
     << All.Warnings << " warnings, " << All.Infos << " infos\n";
}

//===----------------------------------------------------------------------===//
// Session
//===----------------------------------------------------------------------===//

llvm::Expected<std::unique_ptr<AuditSession>>
AuditSession::create(AuditOptions Opts) {
  std::unique_ptr<AuditSession> S(new AuditSession(std::move(Opts)));
  if (!S->Opts.Baseline.empty()) {
    auto B = Baseline::load(S->Opts.Baseline);
    if (!B)
      return B.takeError();
    S->Accepting = std::move(*B);
  }
  return llvm::Expected<std::unique_ptr<AuditSession>>(std::move(S));
}

namespace {
uint64_t signature(const FileReport &R) {
  uint64_t H = R.Diags.size();
  for (const Diagnostic &D : R.Diags)
    H = H * 1000003u + D.Offset * 31u + D.Length;
  return H;
}
} // namespace

AuditSession::Prepared AuditSession::compute(const FileReport &R) const {
  Prepared P;
  P.Signature = signature(R);
  if (R.Diags.empty() || !R.Error.empty())
    return P;
  bool Fingerprints = Accepting || !Opts.WriteBaseline.empty();
  if (Fingerprints)
    P.Entries = baselineEntries(R);
  if (Opts.Boilerplate != BoilerplateMode::Every && R.Type == FileType::Html) {
    std::vector<Range> Chrome = boilerplateRanges(R.Text);
    bool Any = false;
    for (const Diagnostic &D : R.Diags) {
      auto It = std::upper_bound(
          Chrome.begin(), Chrome.end(), D.Offset,
          [](uint32_t V, const Range &X) { return V < X.Begin; });
      bool In = It != Chrome.begin() && (It - 1)->contains(D.Offset);
      P.InChrome.push_back(In);
      Any |= In;
    }
    if (!Any)
      P.InChrome.clear();
  }
  return P;
}

void AuditSession::prepare(const FileReport &R) {
  if (R.Diags.empty() || !R.Error.empty())
    return;
  Prepared P = compute(R);
  std::lock_guard<std::mutex> Lock(Mu);
  Ready[R.Path] = std::move(P);
}

void AuditSession::filter(FileReport &R) {
  Prepared P;
  {
    std::lock_guard<std::mutex> Lock(Mu);
    auto It = Ready.find(R.Path);
    if (It != Ready.end()) {
      P = std::move(It->second);
      Ready.erase(It);
    }
  }
  if (!R.Error.empty())
    return;
  // Findings changed since prepare() (--fix relints): compute again.
  if (P.Signature != signature(R))
    P = compute(R);
  if (Accepting) // for the stale entries of the baseline
    Audited.insert(R.Path);
  if (!Opts.WriteBaseline.empty())
    NewBaseline.insert(NewBaseline.end(), P.Entries.begin(), P.Entries.end());
  std::string Site;
  if (!P.InChrome.empty() && isWebUrl(R.Path))
    if (auto U = parseUrl(R.Path))
      Site = U->Site;
  if (P.InChrome.empty() && !Accepting) { // nothing to drop: no copy
    Sum.add(R);
    return;
  }
  std::vector<Diagnostic> Kept;
  Kept.reserve(R.Diags.size());
  for (size_t I = 0; I < R.Diags.size(); ++I) {
    if (I < P.InChrome.size() && P.InChrome[I] &&
        !PageLevel.count(R.Diags[I].RuleId)) {
      if (Opts.Boilerplate == BoilerplateMode::Skip) {
        ++ChromeDropped;
        continue;
      }
      // The same claim in the navigation of two pages is one finding,
      // though the menus around it may differ.
      std::string Key = Site + '\0' + R.Diags[I].RuleId + '\0' +
                        normaliseSentence(R.Diags[I].Match);
      if (!ChromeSeen.insert(Key).second) {
        ++ChromeDropped;
        continue;
      }
    }
    if (Accepting && I < P.Entries.size() &&
        Accepting->accept(P.Entries[I].Fingerprint)) {
      ++Accepted;
      continue;
    }
    Kept.push_back(std::move(R.Diags[I]));
  }
  R.Diags = std::move(Kept);
  Sum.add(R);
}

llvm::Error AuditSession::finish(llvm::raw_ostream &SummaryOS,
                                 llvm::raw_ostream &Err) {
  if (!Opts.WriteBaseline.empty()) {
    size_t N = NewBaseline.size();
    if (llvm::Error E = writeFileAtomically(
            Opts.WriteBaseline, Baseline::serialise(std::move(NewBaseline))))
      return E;
    Err << "claimlint: wrote " << N << (N == 1 ? " finding" : " findings")
        << " to the baseline " << Opts.WriteBaseline << '\n';
  }
  if (Accepting) {
    std::vector<BaselineEntry> Stale = Accepting->stale(Audited);
    for (const BaselineEntry &E : Stale)
      Err << "claimlint: note: stale baseline entry (no longer found): "
          << E.Path << ": [" << E.Rule << "] \"" << E.Sentence << "\"\n";
    Err << "claimlint: baseline " << Opts.Baseline << ": " << Accepted
        << " accepted, " << Stale.size() << " stale\n";
  }
  if (Opts.Summary)
    Sum.print(SummaryOS);
  return llvm::Error::success();
}

} // namespace claimlint
