//===- Support/Error.cpp - Errors located in a file -----------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Support/Error.h"

#include "Support/LineIndex.h"

#include "llvm/Support/WithColor.h"

#include <algorithm>
#include <memory>
#include <vector>

namespace claimlint {

char LocatedError::ID = 0;

LocatedError::LocatedError(std::string Path, std::string Text, size_t Offset,
                           std::string Message)
    : Path(std::move(Path)), Text(std::move(Text)),
      Offset(std::min(Offset, this->Text.size())), Message(std::move(Message)) {
}

void LocatedError::log(llvm::raw_ostream &OS) const {
  LineIndex Index(Text);
  LineIndex::Position P = Index.position(Offset);
  OS << Path << ':' << P.Line << ':' << P.Column << ": " << Message;
}

llvm::Error makeError(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 Message.str().c_str());
}

unsigned printErrors(llvm::Error Err, llvm::raw_ostream &OS, bool UseColor) {
  // Located errors print sorted by file and position, whatever order they
  // were found in; other errors follow in their own order.
  std::vector<std::unique_ptr<LocatedError>> Located;
  std::vector<std::string> Plain;
  llvm::handleAllErrors(
      std::move(Err),
      [&](std::unique_ptr<LocatedError> E) { Located.push_back(std::move(E)); },
      [&](const llvm::ErrorInfoBase &E) { Plain.push_back(E.message()); });
  std::stable_sort(Located.begin(), Located.end(),
                   [](const std::unique_ptr<LocatedError> &A,
                      const std::unique_ptr<LocatedError> &B) {
                     return std::make_pair(A->path(), A->offset()) <
                            std::make_pair(B->path(), B->offset());
                   });
  llvm::Error Sorted = llvm::Error::success();
  for (auto &E : Located)
    Sorted = llvm::joinErrors(std::move(Sorted), llvm::Error(std::move(E)));
  for (const std::string &M : Plain)
    Sorted = llvm::joinErrors(std::move(Sorted), makeError(M));
  unsigned Count = 0;
  llvm::handleAllErrors(
      std::move(Sorted),
      [&](const LocatedError &E) {
        ++Count;
        LineIndex Index(E.text());
        LineIndex::Position P = Index.position(E.offset());
        {
          llvm::WithColor Bold(OS, llvm::raw_ostream::SAVEDCOLOR, true,
                               !UseColor);
          Bold << E.path() << ':' << P.Line << ':' << P.Column << ": ";
        }
        llvm::WithColor(OS, llvm::raw_ostream::RED, true, !UseColor)
            << "error: ";
        llvm::WithColor(OS, llvm::raw_ostream::SAVEDCOLOR, true, !UseColor)
            << E.msg() << '\n';
        llvm::StringRef Line = Index.lineText(P.Line);
        OS << Line << '\n';
        // The caret sits under the byte column; tabs are kept so it aligns.
        std::string Pad;
        for (size_t I = 0; I + 1 < P.Column && I < Line.size(); ++I)
          Pad.push_back(Line[I] == '\t' ? '\t' : ' ');
        OS << Pad;
        llvm::WithColor(OS, llvm::raw_ostream::GREEN, true, !UseColor) << '^';
        OS << '\n';
      },
      [&](const llvm::ErrorInfoBase &E) {
        ++Count;
        llvm::WithColor(OS, llvm::raw_ostream::SAVEDCOLOR, true, !UseColor)
            << "claimlint: ";
        llvm::WithColor(OS, llvm::raw_ostream::RED, true, !UseColor)
            << "error: ";
        OS << E.message() << '\n';
      });
  return Count;
}

} // namespace claimlint
