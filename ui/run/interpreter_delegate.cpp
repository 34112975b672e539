#include "ui/run/interpreter_delegate.h"

#include "ui/run/python_finder.h"

#include <QComboBox>

namespace pyrometer::ui {

InterpreterDelegate::InterpreterDelegate(QStringList pythons, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_pythons(std::move(pythons))
{
}

QWidget* InterpreterDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const
{
    auto* editor = new QComboBox(parent);
    editor->setEditable(true);
    fillPythonChoices(editor, m_pythons);
    return editor;
}

void InterpreterDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    static_cast<QComboBox*>(editor)->setCurrentText(index.data(Qt::EditRole).toString());
}

void InterpreterDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    model->setData(index, static_cast<QComboBox*>(editor)->currentText(), Qt::EditRole);
}

} // namespace pyrometer::ui
