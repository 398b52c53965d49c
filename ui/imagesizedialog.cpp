#include "ui/imagesizedialog.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>

namespace bd {

namespace {

/// The translation context of this file's texts.
struct ImageSizeDialogText
{
    Q_DECLARE_TR_FUNCTIONS(bd::ImageSizeDialog)
};

} // namespace

bool askImageSize(QWidget* parent, QSize* size, qreal* ratio)
{
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("imageSizeDialog"));
    dialog.setWindowTitle(ImageSizeDialogText::tr("PNG size"));
    auto* width = new QSpinBox(&dialog);
    auto* height = new QSpinBox(&dialog);
    for (QSpinBox* box : { width, height }) {
        box->setRange(200, 8000);
        box->setSuffix(ImageSizeDialogText::tr(" px"));
    }
    width->setValue(size->width());
    height->setValue(size->height());
    auto* scale = new QComboBox(&dialog);
    scale->addItem(ImageSizeDialogText::tr("1× (standard)"), 1.0);
    scale->addItem(ImageSizeDialogText::tr("2× (sharp on HiDPI screens)"), 2.0);
    scale->addItem(ImageSizeDialogText::tr("3×"), 3.0);
    scale->setCurrentIndex(*ratio >= 2 ? 1 : 0);
    auto* form = new QFormLayout(&dialog);
    form->addRow(ImageSizeDialogText::tr("Width"), width);
    form->addRow(ImageSizeDialogText::tr("Height"), height);
    form->addRow(ImageSizeDialogText::tr("Pixel density"), scale);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    *size = QSize(width->value(), height->value());
    *ratio = scale->currentData().toReal();
    return true;
}

} // namespace bd
