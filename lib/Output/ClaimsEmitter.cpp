//===- Output/ClaimsEmitter.cpp - The claim ledger -------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// --format claims / claims-json: every claim on every page, whatever its
// status, with the evidence and reviewer an annotation gave it. Engine checks
// (claimlint/...) are findings about comments, not claims, and are left out;
// each claim's row carries its evidence's expiry date.
//
//===----------------------------------------------------------------------===//

#include "Output/Emitter.h"

#include <nlohmann/json.hpp>

namespace claimlint {

namespace {

bool inLedger(const Diagnostic &D) {
  return !llvm::StringRef(D.RuleId).startswith("claimlint/");
}

std::string clip(const std::string &S, size_t W) {
  if (S.size() <= W)
    return S;
  size_t Cut = W - 3;
  while (Cut > 0 && (static_cast<unsigned char>(S[Cut]) & 0xC0) == 0x80)
    --Cut;
  return S.substr(0, Cut) + "...";
}

class ClaimsTableEmitter : public Emitter {
public:
  explicit ClaimsTableEmitter(llvm::raw_ostream &OS) : OS(OS) {}
  void begin() override {
    row("LOCATION", "RULE", "STATUS", "SEVERITY", "CLAIM", "EVIDENCE",
        "REVIEWER", "EXPIRES");
  }
  void file(const FileReport &R) override {
    for (const Diagnostic &D : R.Diags) {
      if (!inLedger(D))
        continue;
      ++Claims;
      row(D.Path + ":" + std::to_string(D.Line) + ":" +
              std::to_string(D.Column),
          D.RuleId, claimStatusName(D.Status).str(),
          severityName(D.Sev).str(), clip(D.Match, 40),
          D.Evidence.empty() ? "-" : clip(D.Evidence, 30),
          D.Reviewer.empty() ? "-" : D.Reviewer,
          D.Expires.empty() ? "-" : D.Expires);
    }
  }
  void end(const Summary &S) override {
    OS << Claims << (Claims == 1 ? " claim" : " claims") << " in " << S.Files
       << (S.Files == 1 ? " file" : " files") << '\n';
  }

private:
  void row(const std::string &Loc, const std::string &Rule,
           const std::string &Status, const std::string &Sev,
           const std::string &Claim, const std::string &Ev,
           const std::string &Reviewer, const std::string &Expires) {
    OS << llvm::left_justify(Loc, 28) << ' ' << llvm::left_justify(Rule, 34)
       << ' ' << llvm::left_justify(Status, 11) << ' '
       << llvm::left_justify(Sev, 8) << ' ' << llvm::left_justify(Claim, 40)
       << ' ' << llvm::left_justify(Ev, 30) << ' '
       << llvm::left_justify(Reviewer, 16) << ' ' << Expires;
    OS << '\n';
  }
  llvm::raw_ostream &OS;
  unsigned Claims = 0;
};

class ClaimsJsonEmitter : public Emitter {
public:
  explicit ClaimsJsonEmitter(llvm::raw_ostream &OS) : OS(OS) {}
  void begin() override { OS << "{\"claims\": ["; }
  void file(const FileReport &R) override {
    for (const Diagnostic &D : R.Diags) {
      if (!inLedger(D))
        continue;
      nlohmann::json J = {{"path", D.Path},
                          {"line", D.Line},
                          {"column", D.Column},
                          {"offset", D.Offset},
                          {"length", D.Length},
                          {"rule", D.RuleId},
                          {"status", claimStatusName(D.Status).str()},
                          {"severity", severityName(D.Sev).str()},
                          {"claim", D.Match},
                          {"explanation", D.Explanation},
                          {"evidence", D.Evidence},
                          {"reviewer", D.Reviewer},
                          {"reviewed", D.ReviewedOn},
                          {"expires", D.Expires}};
      OS << (First ? "\n  " : ",\n  ")
         << J.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      First = false;
    }
  }
  void end(const Summary &S) override {
    OS << (First ? "],\n" : "\n],\n") << "\"files\": " << S.Files
       << ",\n\"version\": " << JsonSchemaVersion << "}\n";
  }

private:
  llvm::raw_ostream &OS;
  bool First = true;
};

} // namespace

std::unique_ptr<Emitter> makeClaimsEmitter(llvm::raw_ostream &OS, bool Json) {
  if (Json)
    return std::make_unique<ClaimsJsonEmitter>(OS);
  return std::make_unique<ClaimsTableEmitter>(OS);
}

} // namespace claimlint
