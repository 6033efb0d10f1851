//===- Output/GitLabEmitter.cpp - GitLab Code Quality report --------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// A JSON array of Code Climate issues, as GitLab's Code Quality widget reads
// it (artifacts:reports:codequality): description, check_name, fingerprint,
// severity and location (path and lines). "[]" when nothing was found; never
// a byte-order mark. The fingerprint is claimlint's stable "claimlint/v1", so
// a merge request shows a finding as new only when it really is.
//
//===----------------------------------------------------------------------===//

#include "Output/Emitter.h"
#include "Output/Escape.h"
#include "Output/Fingerprint.h"

#include <nlohmann/json.hpp>

namespace claimlint {

namespace {

using nlohmann::json;

const char *codeQualitySeverity(Severity S) {
  switch (S) {
  case Severity::Error:
    return "critical";
  case Severity::Warning:
    return "major";
  case Severity::Info:
    return "info";
  }
  return "major";
}

class GitLabEmitter : public Emitter {
public:
  explicit GitLabEmitter(llvm::raw_ostream &OS) : OS(OS) {}

  void begin() override { OS << "["; }

  void file(const FileReport &R) override {
    if (!R.Error.empty() || R.Diags.empty())
      return;
    std::string Path = reportPath(R.Path);
    std::vector<std::string> Fps = stableFingerprints(R, Path);
    for (size_t I = 0; I < R.Diags.size(); ++I) {
      const Diagnostic &D = R.Diags[I];
      json J = {
          {"type", "issue"},
          {"check_name", D.RuleId},
          {"description", D.Message},
          {"fingerprint", Fps[I]},
          {"severity", codeQualitySeverity(D.Sev)},
          {"location",
           {{"path", Path},
            {"lines", {{"begin", D.Line}, {"end", D.EndLine}}}}},
      };
      if (!D.Note.empty())
        J["content"] = {{"body", D.Note}};
      OS << (First ? "\n  " : ",\n  ")
         << J.dump(-1, ' ', false, json::error_handler_t::replace);
      First = false;
    }
  }

  void end(const Summary &) override { OS << (First ? "]\n" : "\n]\n"); }

private:
  llvm::raw_ostream &OS;
  bool First = true;
};

} // namespace

std::unique_ptr<Emitter> makeGitLabEmitter(llvm::raw_ostream &OS,
                                           const EmitterOptions &) {
  return std::make_unique<GitLabEmitter>(OS);
}

} // namespace claimlint
