//===- Output/Emitter.cpp - Output formats --------------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Output/Emitter.h"

namespace claimlint {

std::unique_ptr<Emitter> makeTextEmitter(llvm::raw_ostream &OS,
                                         const EmitterOptions &Opts);
std::unique_ptr<Emitter> makeJsonEmitter(llvm::raw_ostream &OS,
                                         const EmitterOptions &Opts);
std::unique_ptr<Emitter> makeClaimsEmitter(llvm::raw_ostream &OS, bool Json);
std::unique_ptr<Emitter> makeSarifEmitter(llvm::raw_ostream &OS,
                                          const EmitterOptions &Opts);
std::unique_ptr<Emitter> makeGitHubEmitter(llvm::raw_ostream &OS,
                                           const EmitterOptions &Opts);
std::unique_ptr<Emitter> makeGitLabEmitter(llvm::raw_ostream &OS,
                                           const EmitterOptions &Opts);
std::unique_ptr<Emitter> makeCheckstyleEmitter(llvm::raw_ostream &OS,
                                               const EmitterOptions &Opts);
std::unique_ptr<Emitter> makeJunitEmitter(llvm::raw_ostream &OS,
                                          const EmitterOptions &Opts);
std::unique_ptr<Emitter> makeRdjsonEmitter(llvm::raw_ostream &OS,
                                           const EmitterOptions &Opts);
std::unique_ptr<Emitter> makeJsonlEmitter(llvm::raw_ostream &OS,
                                          const EmitterOptions &Opts);
std::unique_ptr<Emitter> makeHtmlReportEmitter(llvm::raw_ostream &OS,
                                               const EmitterOptions &Opts);

llvm::Optional<OutputFormat> parseOutputFormat(llvm::StringRef Name) {
  if (Name == "text")
    return OutputFormat::Text;
  if (Name == "json")
    return OutputFormat::Json;
  if (Name == "claims")
    return OutputFormat::Claims;
  if (Name == "claims-json")
    return OutputFormat::ClaimsJson;
  if (Name == "sarif")
    return OutputFormat::Sarif;
  if (Name == "github")
    return OutputFormat::GitHub;
  if (Name == "gitlab")
    return OutputFormat::GitLab;
  if (Name == "checkstyle")
    return OutputFormat::Checkstyle;
  if (Name == "junit")
    return OutputFormat::Junit;
  if (Name == "rdjson")
    return OutputFormat::Rdjson;
  if (Name == "jsonl")
    return OutputFormat::Jsonl;
  if (Name == "html")
    return OutputFormat::Html;
  return llvm::None;
}

std::unique_ptr<Emitter> makeEmitter(OutputFormat F, llvm::raw_ostream &OS,
                                     const EmitterOptions &Opts) {
  switch (F) {
  case OutputFormat::Text:
    return makeTextEmitter(OS, Opts);
  case OutputFormat::Json:
    return makeJsonEmitter(OS, Opts);
  case OutputFormat::Claims:
    return makeClaimsEmitter(OS, false);
  case OutputFormat::ClaimsJson:
    return makeClaimsEmitter(OS, true);
  case OutputFormat::Sarif:
    return makeSarifEmitter(OS, Opts);
  case OutputFormat::GitHub:
    return makeGitHubEmitter(OS, Opts);
  case OutputFormat::GitLab:
    return makeGitLabEmitter(OS, Opts);
  case OutputFormat::Checkstyle:
    return makeCheckstyleEmitter(OS, Opts);
  case OutputFormat::Junit:
    return makeJunitEmitter(OS, Opts);
  case OutputFormat::Rdjson:
    return makeRdjsonEmitter(OS, Opts);
  case OutputFormat::Jsonl:
    return makeJsonlEmitter(OS, Opts);
  case OutputFormat::Html:
    return makeHtmlReportEmitter(OS, Opts);
  }
  return makeTextEmitter(OS, Opts);
}

} // namespace claimlint
