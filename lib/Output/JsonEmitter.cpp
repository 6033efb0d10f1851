//===- Output/JsonEmitter.cpp - One JSON document
//--------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// {"diagnostics": [...], "summary": {...}, "version": 1}. Diagnostics are
// streamed one per line as files arrive, so memory does not grow with the
// number of files; keys are sorted, as nlohmann::json writes them.
//
//===----------------------------------------------------------------------===//

#include "Output/Emitter.h"

#include <nlohmann/json.hpp>

namespace claimlint {

namespace {

using nlohmann::json;

json toJson(const Diagnostic &D) {
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
  json Cues = json::array();
  for (const DiagnosticCue &C : D.Cues)
    Cues.push_back({{"kind", C.Kind},
                    {"offset", C.Offset},
                    {"length", C.Length},
                    {"text", C.Text}});
  J["cues"] = Cues;
  if (!D.Evidence.empty()) {
    json E = {{"evidence", D.Evidence}};
    if (!D.Reviewer.empty())
      E["reviewer"] = D.Reviewer;
    if (!D.ReviewedOn.empty())
      E["reviewed"] = D.ReviewedOn;
    if (!D.Expires.empty())
      E["expires"] = D.Expires;
    J["evidence"] = E;
  }
  return J;
}

/// Invalid UTF-8 in a match must not make the output unparsable.
std::string dump(const json &J) {
  return J.dump(-1, ' ', false, json::error_handler_t::replace);
}

class JsonEmitter : public Emitter {
public:
  JsonEmitter(llvm::raw_ostream &OS) : OS(OS) {}

  void begin() override { OS << "{\"diagnostics\": ["; }

  void file(const FileReport &R) override {
    if (!R.Error.empty()) {
      Errors.push_back({{"path", R.Path}, {"message", R.Error}});
      return;
    }
    for (const Diagnostic &D : R.Diags) {
      OS << (First ? "\n  " : ",\n  ") << dump(toJson(D));
      First = false;
    }
  }

  void end(const Summary &S) override {
    OS << (First ? "],\n" : "\n],\n");
    json Sum = {
        {"files", S.Files},   {"filesWithFindings", S.FilesWithFindings},
        {"errors", S.Errors}, {"warnings", S.Warnings},
        {"infos", S.Infos},   {"ioErrors", S.IoErrors},
        {"bytes", S.Bytes}};
    if (!Errors.empty())
      OS << "\"fileErrors\": " << dump(Errors) << ",\n";
    OS << "\"summary\": " << dump(Sum) << ",\n";
    OS << "\"version\": " << JsonSchemaVersion << "}\n";
  }

private:
  llvm::raw_ostream &OS;
  bool First = true;
  json Errors = json::array();
};

} // namespace

std::unique_ptr<Emitter> makeJsonEmitter(llvm::raw_ostream &OS,
                                         const EmitterOptions &) {
  return std::make_unique<JsonEmitter>(OS);
}

} // namespace claimlint
