//===- Output/JsonlEmitter.cpp - One finding per line ---------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// JSON Lines: every finding is one JSON object on its own line, with the
// fields of the json format plus "fingerprint" (claimlint/v1). There is no
// header and no summary, so the outputs of several shards of one audit
// concatenate into the output of the whole audit.
//
//===----------------------------------------------------------------------===//

#include "Output/Emitter.h"
#include "Output/Fingerprint.h"

#include <nlohmann/json.hpp>

namespace claimlint {

namespace {

using nlohmann::json;

class JsonlEmitter : public Emitter {
public:
  explicit JsonlEmitter(llvm::raw_ostream &OS) : OS(OS) {}

  void file(const FileReport &R) override {
    if (!R.Error.empty() || R.Diags.empty())
      return;
    std::vector<std::string> Prints = stableFingerprints(R, R.Path);
    for (size_t I = 0; I < R.Diags.size(); ++I) {
      const Diagnostic &D = R.Diags[I];
      json J;
      J["path"] = D.Path;
      J["rule"] = D.RuleId;
      J["severity"] = severityName(D.Sev).str();
      J["message"] = D.Message;
      J["offset"] = D.Offset;
      J["length"] = D.Length;
      J["line"] = D.Line;
      J["column"] = D.Column;
      J["endLine"] = D.EndLine;
      J["endColumn"] = D.EndColumn;
      J["match"] = D.Match;
      J["suggestions"] = D.Suggestions;
      J["status"] = claimStatusName(D.Status).str();
      J["explanation"] = D.Explanation;
      if (!D.Note.empty())
        J["note"] = D.Note;
      if (!D.Evidence.empty())
        J["evidence"] = D.Evidence;
      J["fingerprint"] = Prints[I];
      OS << J.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
    }
  }

private:
  llvm::raw_ostream &OS;
};

} // namespace

std::unique_ptr<Emitter> makeJsonlEmitter(llvm::raw_ostream &OS,
                                          const EmitterOptions &) {
  return std::make_unique<JsonlEmitter>(OS);
}

} // namespace claimlint
