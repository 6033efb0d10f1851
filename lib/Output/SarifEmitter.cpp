//===- Output/SarifEmitter.cpp - SARIF 2.1.0 ------------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// One SARIF log with one run, as GitHub code scanning ingests it:
// columnKind utf16CodeUnits (1-based, endColumn exclusive), rules with
// short and full descriptions and help, partialFingerprints with GitHub's
// primaryLocationLineHash and claimlint's own "claimlint/v1", one fix per
// suggested rewrite and the claim status in the result's properties.
//
// Results are streamed as files arrive; the rules they refer to (in order of
// first use, so ruleIndex is known at once) follow in "tool" at the end. JSON
// does not order an object's keys, so readers do not mind.
//
//===----------------------------------------------------------------------===//

#include "Output/Emitter.h"
#include "Output/Escape.h"
#include "Output/Fingerprint.h"
#include "Output/RuleInfo.h"
#include "Support/LineIndex.h"

#include "llvm/ADT/StringMap.h"

#include <nlohmann/json.hpp>

namespace claimlint {

namespace {

using nlohmann::json;

const char *sarifLevel(Severity S) {
  switch (S) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  case Severity::Info:
    return "note";
  }
  return "warning";
}

std::string dump(const json &J) {
  return J.dump(-1, ' ', false, json::error_handler_t::replace);
}

class SarifEmitter : public Emitter {
public:
  SarifEmitter(llvm::raw_ostream &OS, const EmitterOptions &Opts)
      : OS(OS), Opts(Opts) {}

  void begin() override {
    OS << "{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
          "\"version\": \"2.1.0\",\n"
          "\"runs\": [{\"results\": [";
  }

  void file(const FileReport &R) override {
    if (!R.Error.empty() || R.Diags.empty())
      return;
    std::string Path = reportPath(R.Path);
    std::string Uri = pathToUri(Path);
    LineIndex Lines(R.Text);
    std::vector<std::string> Hashes = lineHashes(R.Text);
    std::vector<std::string> Stable = stableFingerprints(R, Path);
    for (size_t I = 0; I < R.Diags.size(); ++I) {
      const Diagnostic &D = R.Diags[I];
      json Region = region(Lines, D);
      json Result = {
          {"ruleId", D.RuleId},
          {"ruleIndex", ruleIndex(D.RuleId)},
          {"level", sarifLevel(D.Sev)},
          {"message", {{"text", D.Message}}},
      };
      json WithSnippet = Region;
      if (!D.Match.empty())
        WithSnippet["snippet"] = {{"text", D.Match}};
      Result["locations"] =
          json::array({{{"physicalLocation",
                         {{"artifactLocation", {{"uri", Uri}}},
                          {"region", WithSnippet}}}}});
      json Fp = {{"claimlint/v1", Stable[I]}};
      if (D.Line >= 1 && D.Line <= Hashes.size())
        Fp["primaryLocationLineHash"] = Hashes[D.Line - 1];
      Result["partialFingerprints"] = Fp;
      if (D.Length > 0 && !D.Suggestions.empty()) {
        json Fixes = json::array();
        for (const std::string &S : D.Suggestions)
          Fixes.push_back(
              {{"description", {{"text", "Replace with \"" + S + "\""}}},
               {"artifactChanges",
                json::array(
                    {{{"artifactLocation", {{"uri", Uri}}},
                      {"replacements", json::array({{{"deletedRegion", Region},
                                                     {"insertedContent",
                                                      {{"text", S}}}}})}}})}});
        Result["fixes"] = Fixes;
      }
      json Props = {{"claimStatus", claimStatusName(D.Status).str()}};
      if (!D.Explanation.empty())
        Props["explanation"] = D.Explanation;
      if (!D.Note.empty())
        Props["note"] = D.Note;
      if (!D.Evidence.empty()) {
        json E = {{"evidence", D.Evidence}};
        if (!D.Reviewer.empty())
          E["reviewer"] = D.Reviewer;
        if (!D.ReviewedOn.empty())
          E["reviewed"] = D.ReviewedOn;
        if (!D.Expires.empty())
          E["expires"] = D.Expires;
        Props["evidence"] = E;
      }
      Result["properties"] = Props;
      OS << (First ? "\n  " : ",\n  ") << dump(Result);
      First = false;
    }
  }

  void end(const Summary &S) override {
    OS << (First ? "],\n" : "\n],\n");
    OS << "\"columnKind\": \"utf16CodeUnits\",\n";
    json Inv = {{"executionSuccessful", S.IoErrors == 0}};
    OS << "\"invocations\": [" << dump(Inv) << "],\n";
    OS << "\"properties\": "
       << dump({{"summary",
                 {{"files", S.Files},
                  {"filesWithFindings", S.FilesWithFindings},
                  {"errors", S.Errors},
                  {"warnings", S.Warnings},
                  {"infos", S.Infos},
                  {"ioErrors", S.IoErrors}}}})
       << ",\n";
    OS << "\"tool\": {\"driver\": {\"name\": \"claimlint\", "
       << "\"informationUri\": " << dump(ToolInformationUri) << ", ";
    if (!Opts.ToolVersion.empty()) {
      std::string V = dump(Opts.ToolVersion);
      OS << "\"semanticVersion\": " << V << ", \"version\": " << V << ", ";
    }
    OS << "\"rules\": [";
    for (size_t I = 0; I < Rules.size(); ++I)
      OS << (I ? ",\n  " : "\n  ") << dump(Rules[I]);
    OS << (Rules.empty() ? "]}}\n" : "\n]}}\n");
    OS << "}]}\n";
  }

private:
  static json region(const LineIndex &Lines, const Diagnostic &D) {
    LineIndex::Position B = Lines.position(D.Offset, ColumnUnit::Utf16);
    LineIndex::Position E = Lines.position(
        static_cast<size_t>(D.Offset) + D.Length, ColumnUnit::Utf16);
    return {{"startLine", B.Line},
            {"startColumn", B.Column},
            {"endLine", E.Line},
            {"endColumn", E.Column}};
  }

  unsigned ruleIndex(const std::string &Id) {
    auto It = RuleIdx.find(Id);
    if (It != RuleIdx.end())
      return It->second;
    unsigned N = static_cast<unsigned>(Rules.size());
    RuleIdx[Id] = N;
    RuleInfo I = describeRule(Opts.Rules, Id);
    json Desc = {
        {"id", I.Id},
        {"shortDescription", {{"text", I.ShortDescription}}},
        {"fullDescription", {{"text", I.FullDescription}}},
        {"help", {{"text", I.HelpText}, {"markdown", I.HelpMarkdown}}},
        {"defaultConfiguration", {{"level", sarifLevel(I.Sev)}}},
    };
    if (!I.HelpUri.empty())
      Desc["helpUri"] = I.HelpUri;
    if (!I.Tags.empty())
      Desc["properties"] = {{"tags", I.Tags}};
    Rules.push_back(std::move(Desc));
    return N;
  }

  llvm::raw_ostream &OS;
  EmitterOptions Opts;
  bool First = true;
  llvm::StringMap<unsigned> RuleIdx;
  std::vector<json> Rules;
};

} // namespace

std::unique_ptr<Emitter> makeSarifEmitter(llvm::raw_ostream &OS,
                                          const EmitterOptions &Opts) {
  return std::make_unique<SarifEmitter>(OS, Opts);
}

} // namespace claimlint
