#pragma once

#include <QStringList>
#include <QStyledItemDelegate>

namespace pyrometer::ui {

/// Edits a benchmark's interpreter with a combo box of the Pythons found on this machine; any other path can
/// be typed in.
class InterpreterDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    InterpreterDelegate(QStringList pythons, QObject* parent = nullptr);
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;

private:
    QStringList m_pythons;
};

} // namespace pyrometer::ui
